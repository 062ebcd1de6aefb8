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
    /// After authentication: an unauthenticated call to a module whose seed had no auth is, in Development only, let in as the
    /// default organization; then the caller's organization becomes the scope's tenant.
    /// </summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var anonymousAllowed = environment.IsDevelopment() && configuration.GetValue("Clientele:Auth:AnonymousInDevelopment", true);
        return app.Use(async (context, next) =>
        {
            if (anonymousAllowed && context.User.Identity?.IsAuthenticated != true
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
}
