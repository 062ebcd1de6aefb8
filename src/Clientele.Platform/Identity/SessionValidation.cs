using System.Security.Claims;
using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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

    public static async Task<bool> IsCurrentAsync(PlatformDbContext db, DefaultOrganization defaults, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (SessionPrincipal.UserIdOf(principal) is not { } userId || SessionPrincipal.OrganizationOf(principal) is not { } organizationId)
        {
            return false;
        }
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is not null
            && user.Role == principal.FindFirst(ClaimTypes.Role)?.Value
            && (user.OrganizationId == organizationId || Operators.Is(user, defaults));
    }
}
