using System.Security.Claims;
using Clientele.Platform.Identity;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform.Tenancy;

public static class TenantResolution
{
    /// <summary>
    /// After authentication: a call without credentials to a module whose seed had no auth is, in Development only, let in as the
    /// default organization; then the caller's organization becomes the scope's tenant.
    /// </summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var anonymousAllowed = environment.IsDevelopment() && configuration.GetValue("Clientele:Auth:AnonymousInDevelopment", true);
        return app.Use(async (context, next) =>
        {
            // A key that was sent and refused is a 401, never a reason to fall back to the anonymous caller.
            if (anonymousAllowed && context.User.Identity?.IsAuthenticated != true && !SentCredentials(context.Request)
                && context.GetEndpoint()?.Metadata.GetMetadata<ModuleDescriptor>() is { AnonymousInDevelopment: true } module)
            {
                var organization = context.RequestServices.GetRequiredService<DefaultOrganization>();
                context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, "anonymous"),
                    new Claim(ModuleAccess.OrganizationClaim, organization.Id.ToString()),
                    new Claim(ModuleAccess.ScopeClaim, $"{module.Name}:write"),
                ], "DevelopmentAnonymous"));
            }
            if (Guid.TryParse(context.User.FindFirst(ModuleAccess.OrganizationClaim)?.Value, out var organizationId))
            {
                context.RequestServices.GetRequiredService<TenantContext>().Use(organizationId);
            }
            await next(context);
        });
    }

    private static bool SentCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) || request.Headers.ContainsKey("Authorization");
}
