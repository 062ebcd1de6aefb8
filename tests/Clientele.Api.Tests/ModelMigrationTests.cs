using Clientele.Platform.Data;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests;

/// <summary>Every module's model matches its latest migration on both providers: a model change needs scripts/add-migration.sh.</summary>
public sealed class ModelMigrationTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public void No_module_has_model_changes_without_a_migration()
    {
        using var scope = server.Services.CreateScope();
        var modules = scope.ServiceProvider.GetServices<ModuleDatabase>().ToList();
        Assert.Contains(modules, m => m.Module == "banking");

        var pending = modules
            .Where(m => ((DbContext)scope.ServiceProvider.GetRequiredService(m.ContextType)).Database.HasPendingModelChanges())
            .Select(m => m.Module);

        Assert.Empty(pending);
    }

    [DatabaseFact]
    public async Task Every_module_is_migrated_to_its_latest_migration_of_this_provider()
    {
        using var scope = server.Services.CreateScope();
        foreach (var module in scope.ServiceProvider.GetServices<ModuleDatabase>())
        {
            var database = ((DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType)).Database;
            var applied = (await database.GetAppliedMigrationsAsync()).ToList();
            Assert.NotEmpty(applied);
            Assert.Equal(database.GetMigrations(), applied);
            Assert.Empty(await database.GetPendingMigrationsAsync());
        }
    }
}
