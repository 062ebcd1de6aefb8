using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Modules;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Cli;

/// <summary>Operator commands: organizations, users and API keys, for the first admin of a new organization.</summary>
public static class PlatformVerbs
{
    public static IServiceCollection AddPlatformVerbs(this IServiceCollection services)
    {
        services.AddSingleton(new CliVerb("org add", "org add <slug> <name>", AddOrganizationAsync));
        services.AddSingleton(new CliVerb("user add", "user add <email> <password> [--org <slug>] [--role admin|analyst|viewer]", AddUserAsync));
        services.AddSingleton(new CliVerb("user disable", "user disable <email>", (s, a, c) => SetDisabledAsync(s, a, disabled: true, c)));
        services.AddSingleton(new CliVerb("user enable", "user enable <email>", (s, a, c) => SetDisabledAsync(s, a, disabled: false, c)));
        services.AddSingleton(new CliVerb("apikey add", "apikey add <name> --scopes banking:read,retail:write [--org <slug>]", AddApiKeyAsync));
        return services;
    }

    /// <summary>Opens a scope acting for the organization named by <c>--org</c> (default: the default organization).</summary>
    public static async Task<(IServiceScope Scope, Organization Organization)?> OrganizationScopeAsync(IServiceProvider services, CliArguments args, CancellationToken cancellationToken)
    {
        var scope = services.CreateScope();
        var slug = args.Option("org") ?? services.GetRequiredService<DefaultOrganization>().Slug;
        var organization = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        if (organization is null)
        {
            await Console.Error.WriteLineAsync($"No organization '{slug}'. Create it with: org add {slug} \"<name>\"");
            scope.Dispose();
            return null;
        }
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization.Id);
        return (scope, organization);
    }

    private static async Task<int> AddOrganizationAsync(IServiceProvider services, CliArguments args, CancellationToken cancellationToken)
    {
        if (args.Positional.Count < 2)
        {
            await Console.Error.WriteLineAsync("Usage: org add <slug> <name>");
            return 2;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.Organizations.AnyAsync(o => o.Slug == args.Positional[0], cancellationToken))
        {
            await Console.Error.WriteLineAsync($"Organization '{args.Positional[0]}' already exists.");
            return 1;
        }
        var organization = new Organization { Slug = args.Positional[0], Name = string.Join(' ', args.Positional.Skip(1)) };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        Console.WriteLine($"Organization {organization.Slug} ({organization.Id}) created.");
        return 0;
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, CliArguments args, CancellationToken cancellationToken)
    {
        var role = args.Option("role") ?? Role.Admin;
        if (args.Positional.Count != 2 || !Role.All.Contains(role) || args.Positional[1].Length < 8)
        {
            await Console.Error.WriteLineAsync("Usage: user add <email> <password of 8+ characters> [--org <slug>] [--role admin|analyst|viewer]");
            return 2;
        }
        if (await OrganizationScopeAsync(services, args, cancellationToken) is not { } opened)
        {
            return 1;
        }
        var scope = opened.Scope;
        using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var email = args.Positional[0].Trim().ToLowerInvariant();
            if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == email, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"User {email} already exists.");
                return 1;
            }
            var user = new User { Email = email, PasswordHash = "", Role = role };
            user.PasswordHash = PasswordHashing.Hash(user, args.Positional[1]);
            db.Users.Add(user);
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"User {email} ({role}) created.");
            return 0;
        }
    }

    /// <summary>A disabled user cannot sign in and its open sessions end at their next request.</summary>
    private static async Task<int> SetDisabledAsync(IServiceProvider services, CliArguments args, bool disabled, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            await Console.Error.WriteLineAsync($"Usage: user {(disabled ? "disable" : "enable")} <email>");
            return 2;
        }
        using var scope = services.CreateScope();
        var email = args.Positional[0].Trim().ToLowerInvariant();
        DateTimeOffset? disabledAt = disabled ? DateTimeOffset.UtcNow : null;
        var changed = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.IgnoreQueryFilters().Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, disabledAt), cancellationToken);
        if (changed == 0)
        {
            await Console.Error.WriteLineAsync($"No user {email}.");
            return 1;
        }
        Console.WriteLine($"User {email} {(disabled ? "disabled" : "enabled")}.");
        return 0;
    }

    private static async Task<int> AddApiKeyAsync(IServiceProvider services, CliArguments args, CancellationToken cancellationToken)
    {
        var scopes = (args.Option("scopes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var modules = services.GetRequiredService<ModuleCatalog>().Modules.Select(m => m.Name).ToList();
        if (args.Positional.Count != 1 || scopes.Length == 0 || scopes.Any(s => !ModuleAccess.IsValidScope(s, modules)))
        {
            await Console.Error.WriteLineAsync($"Usage: apikey add <name> --scopes <module>:read|write,... (modules: {string.Join(", ", modules)}, or *) [--org <slug>]");
            return 2;
        }
        if (await OrganizationScopeAsync(services, args, cancellationToken) is not { } opened)
        {
            return 1;
        }
        var (scope, organization) = opened;
        using (scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var (key, prefix, hash) = ApiKeySecrets.Generate();
            db.ApiKeys.Add(new ApiKey { Name = args.Positional[0], Prefix = prefix, SecretHash = hash, Scopes = string.Join(' ', scopes) });
            await db.SaveChangesAsync(cancellationToken);
            Console.WriteLine($"API key for {organization.Slug} (shown once, keep it safe):");
            Console.WriteLine(key);
            return 0;
        }
    }
}
