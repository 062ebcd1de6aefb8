using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.RateLimits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Api;

public static class AuthEndpoints
{
    public sealed record LoginRequest([property: Required] string Email, [property: Required] string Password);

    public sealed record UserView(Guid Id, string Email, string Role, Guid OrganizationId, string OrganizationSlug, string OrganizationName);

    public static void Map(RouteGroupBuilder platform)
    {
        var auth = platform.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login").WithRateLimitPolicy(RateLimitPolicies.LoginPolicy);
        auth.MapPost("/logout", (Delegate)LogoutAsync).WithName("Logout");
        platform.MapGet("/api/me", MeAsync).WithTags("Auth").WithName("Me");
    }

    /// <summary>Starts a cookie session for the dashboard and for API calls from a browser.</summary>
    public static async Task<Results<Ok<UserView>, JsonHttpResult<object>>> LoginAsync(
        LoginRequest request, PlatformDbContext db, PasswordSignIn signIn, HttpContext context)
    {
        var user = await signIn.FindAsync(db, request.Email, request.Password, context.RequestAborted);
        if (user is null)
        {
            return TypedResults.Json(FastApiErrorShape.Instance.BodyOf(new ApiError(ErrorKind.Unauthorized, "Invalid email or password")), statusCode: 401);
        }
        var organization = await db.Organizations.SingleAsync(o => o.Id == user.OrganizationId, context.RequestAborted);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionPrincipal.For(user, organization.Id));
        return TypedResults.Ok(new UserView(user.Id, user.Email, user.Role, organization.Id, organization.Slug, organization.Name));
    }

    /// <summary>Ends the session on the server too: a copy of the cookie stops working.</summary>
    public static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await SessionValidation.EndAsync(context);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<Dictionary<string, object?>>> MeAsync(ClaimsPrincipal user, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var organizationId = Guid.Parse(user.FindFirst(ModuleAccess.OrganizationClaim)!.Value);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, cancellationToken);
        return TypedResults.Ok(new Dictionary<string, object?>
        {
            ["name"] = user.Identity?.Name,
            ["role"] = user.FindFirst(ClaimTypes.Role)?.Value,
            ["scopes"] = user.FindAll(ModuleAccess.ScopeClaim).Select(c => c.Value).ToList(),
            ["organization"] = new { organization.Id, organization.Slug, organization.Name },
        });
    }
}
