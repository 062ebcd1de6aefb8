using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Retention;

/// <summary>Dispatched outbox messages of every module's outbox, of every organization.</summary>
public sealed class OutboxRetention(IEnumerable<ModuleDatabase> databases, IServiceProvider services) : IRetentionTask
{
    public string Name => "outbox";

    public async Task<int> PurgeAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (RetentionOptions.Cutoff(now, options.OutboxDays) is not { } cutoff)
        {
            return 0;
        }
        var deleted = 0;
        foreach (var database in databases.DistinctBy(d => d.ContextType))
        {
            if (services.GetService(database.ContextType) is TenantDbContext db)
            {
                deleted += await db.Outbox.IgnoreQueryFilters()
                    .Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff)
                    .ExecuteDeleteAsync(cancellationToken);
            }
        }
        return deleted;
    }
}
