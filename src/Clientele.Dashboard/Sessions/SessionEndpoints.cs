using Clientele.Platform.Identity;
using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Dashboard;

/// <summary>The dashboard's form posts that change the session: sign out, and an operator's organization switch.</summary>
public static class SessionEndpoints
{
    public const string LogoutPath = "/account/logout";
    public const string SwitchOrganizationPath = "/account/organization";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, LogoutAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(SwitchOrganizationPath, SwitchOrganizationAsync).RequireAuthorization(DashboardAccess.Policy).ExcludeFromDescription();
    }

    public static async Task<Results<RedirectHttpResult, BadRequest>> LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }
        await SessionValidation.EndAsync(context);
        return TypedResults.LocalRedirect(DashboardAccess.LoginPath);
    }

    /// <summary>Re-issues the session cookie with another organization; operators only (see <see cref="OperatorAccess"/>).</summary>
    public static async Task<Results<RedirectHttpResult, BadRequest, ForbidHttpResult, NotFound>> SwitchOrganizationAsync(
        HttpContext context, IAntiforgery antiforgery, PlatformDbContext db, DefaultOrganization defaults)
    {
        if (!await antiforgery.IsRequestValidAsync(context) || !context.Request.HasFormContentType)
        {
            return TypedResults.BadRequest();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!Guid.TryParse(form["organization"], out var organizationId))
        {
            return TypedResults.BadRequest();
        }
        var userId = SessionPrincipal.UserIdOf(context.User);
        if (!await OperatorAccess.IsOperatorAsync(db, defaults, userId, context.RequestAborted))
        {
            return TypedResults.Forbid();
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == userId, context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(user, organizationId));
        return TypedResults.LocalRedirect(DashboardAccess.SafeReturnUrl(form["returnUrl"]));
    }
}
