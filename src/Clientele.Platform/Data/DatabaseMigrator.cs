using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Data;

public static class DatabaseMigrator
{
    /// <summary>Applies every module's pending migrations, platform first.</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        foreach (var database in scope.ServiceProvider.GetServices<ModuleDatabase>().OrderBy(d => d.Module == "platform" ? 0 : 1))
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            if (database.Module == "platform")
            {
                await SqliteWriteAheadLog.EnableAsync(context, cancellationToken);
            }
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to module {Module}", pending.Count, database.Module);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
