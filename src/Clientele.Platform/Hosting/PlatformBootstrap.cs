using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform;

/// <summary>Fills a module's empty database with generated demo data for the default organization.</summary>
public interface IDemoData
{
    string Module { get; }

    Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken);

    Task FillAsync(IServiceProvider services, CancellationToken cancellationToken);
}

public static class PlatformBootstrap
{
    public const string DemoAdminEmail = "admin@clientele.local";

    public static async Task EnsureDefaultOrganizationAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var defaults = services.GetRequiredService<DefaultOrganization>();
        defaults.Slug = services.GetRequiredService<IConfiguration>()["Clientele:Tenancy:DefaultOrganization"] ?? DefaultOrganization.DefaultSlug;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Slug == defaults.Slug, cancellationToken);
        if (organization is null)
        {
            organization = new Organization { Slug = defaults.Slug, Name = "Default organization" };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(cancellationToken);
        }
        defaults.Id = organization.Id;
    }

    /// <summary>When <c>Clientele:Demo:Enabled</c> (default true): a demo admin, and every module with an empty database gets demo data.</summary>
    public static async Task FillDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Clientele:Demo:Enabled", true))
        {
            return;
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Clientele.Demo");
        var organizationId = services.GetRequiredService<DefaultOrganization>().Id;
        using (var scope = services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                var admin = new User { Email = DemoAdminEmail, PasswordHash = "", Role = Role.Admin };
                admin.PasswordHash = PasswordHashing.Hash(admin, DemoAdminPassword(configuration));
                db.Users.Add(admin);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        foreach (var demo in services.GetServices<IDemoData>())
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
            if (await demo.IsEmptyAsync(scope.ServiceProvider, cancellationToken))
            {
                logger.LogInformation("Filling demo data for {Module}", demo.Module);
                await demo.FillAsync(scope.ServiceProvider, cancellationToken);
            }
        }
    }

    public static string DemoAdminPassword(IConfiguration configuration) => configuration["Clientele:Demo:AdminPassword"] ?? "clientele-demo";
}
