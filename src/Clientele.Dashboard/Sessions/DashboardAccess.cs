using System.Security.Claims;
using Clientele.Platform.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Clientele.Dashboard;

/// <summary>Who may open dashboard pages (a signed-in user of an organization) and where an anonymous visitor is sent.</summary>
public static class DashboardAccess
{
    public const string Policy = "dashboard";
    public const string LoginPath = "/login";

    /// <summary>Only the cookie session counts: an API key is for the API, not for the dashboard.</summary>
    public static void Configure(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireClaim(ClaimTypes.Role, Role.All)
        .RequireClaim(ModuleAccess.OrganizationClaim);

    /// <summary>
    /// The platform's cookie answers 401/403 instead of redirecting, which APIs need. Dashboard pages (Razor component
    /// endpoints) are redirected to the login page instead; every other endpoint keeps the platform's answer.
    /// </summary>
    public static void RedirectPagesToLogin(CookieAuthenticationOptions options)
    {
        options.LoginPath = LoginPath;
        options.ReturnUrlParameter = "returnUrl";
        var apiAnswer = options.Events.OnRedirectToLogin;
        options.Events.OnRedirectToLogin = context =>
        {
            if (IsDashboardPage(context.HttpContext))
            {
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            }
            return apiAnswer(context);
        };
    }

    public static bool IsDashboardPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;

    /// <summary>
    /// A local path to return to after signing in; anything else (another host, <c>//host</c>, a tab, space or non-ASCII
    /// character, which browsers strip or redirect helpers refuse) becomes <c>/</c>.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && returnUrl.All(c => c is > ' ' and < '\x7f')
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";
}
