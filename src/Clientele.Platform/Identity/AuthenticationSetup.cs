using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Identity;

public static class AuthenticationSetup
{
    public const string DefaultScheme = "Clientele";

    /// <summary>
    /// One default scheme that forwards to API keys when a key is sent, to a module's token scheme when it claims the request
    /// (churn's JWT), else to the dashboard's cookie session.
    /// </summary>
    public static IServiceCollection AddClienteleAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key, module token or session", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.KeyFrom(context.Request) is not null ? ApiKeyAuthenticationHandler.SchemeName
                : context.RequestServices.GetServices<TokenScheme>().FirstOrDefault(s => s.Claims(context.Request))?.Name
                  ?? CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "clientele.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (behind a proxy: once forwarded headers say so).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                // An API answers 401/403; the error middleware gives them the module's shape.
                o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = 403; return Task.CompletedTask; };
                o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<IAuthorizationHandler, ModuleAccess>();
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireRole(Role.Admin).RequireClaim(ModuleAccess.OrganizationClaim));
        return services;
    }

    public const string AdminPolicy = "platform:admin";
}

/// <summary>A module's own authentication scheme and the requests it claims (checked after API keys, before the cookie).</summary>
public sealed record TokenScheme(string Name, Func<HttpRequest, bool> Claims);
