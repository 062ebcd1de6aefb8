using System.Security.Claims;
using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Identity;

/// <summary>
/// A cookie session is only as good as the user row behind it: every cookie request (and every 30 s of a dashboard
/// circuit) checks that the user still exists, is enabled, has the session's role and stamp, and may act for the
/// session's organization. A deleted, disabled, demoted or signed-out user loses access at once.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is null || !await IsCurrentAsync(services.GetRequiredService<PlatformDbContext>(),
                services.GetRequiredService<DefaultOrganization>(), context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Signs out and replaces the user's session stamp, so a copy of the cookie no longer works either (on any instance).</summary>
    public static async Task EndAsync(HttpContext context)
    {
        if (SessionPrincipal.UserIdOf(context.User) is { } userId && context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await context.RequestServices.GetRequiredService<PlatformDbContext>().Users.IgnoreQueryFilters().Where(u => u.Id == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.SessionStamp, User.NewSessionStamp()), context.RequestAborted);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public static async Task<bool> IsCurrentAsync(PlatformDbContext db, DefaultOrganization defaults, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SessionPrincipal.UserIdOf(principal) is not { } userId || SessionPrincipal.OrganizationOf(principal) is not { } organizationId)
        {
            return false;
        }
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is { DisabledAt: null }
            && user.SessionStamp == principal.FindFirst(SessionPrincipal.StampClaim)?.Value
            && user.Role == principal.FindFirst(ClaimTypes.Role)?.Value
            && (user.OrganizationId == organizationId || Operators.Is(user, defaults));
    }
}
