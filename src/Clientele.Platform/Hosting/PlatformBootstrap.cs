using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform;

/// <summary>Fills a module's empty database with generated demo data for the default organization.</summary>
public interface IDemoData
{
    string Module { get; }

    Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken);

    Task FillAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>What start-up found, for the banner.</summary>
public sealed class StartupState
{
    public bool HasUsers { get; set; } = true;
}

public static class PlatformBootstrap
{

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

    /// <summary>When demo data is on (<see cref="DemoSettings"/>): a demo admin, and every module with an empty database gets demo data.</summary>
    public static async Task FillDemoDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (!DemoSettings.IsEnabled(configuration, services.GetRequiredService<IHostEnvironment>()))
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
                var admin = new User { Email = DemoSettings.AdminEmail, PasswordHash = "", Role = Role.Admin };
                admin.PasswordHash = PasswordHashing.Hash(admin, DemoSettings.AdminPassword(configuration));
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

    /// <summary>With no user at all nobody can sign in: say, in the log and the banner, how to create the first admin.</summary>
    public static async Task CheckForUsersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var hasUsers = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.IgnoreQueryFilters().AnyAsync(cancellationToken);
        services.GetRequiredService<StartupState>().HasUsers = hasUsers;
        if (!hasUsers)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Clientele.Startup").LogWarning("{Hint}", DemoSettings.FirstAdminHint);
        }
    }
}
