using Clientele.Platform.Data;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Retention;

/// <summary>Dispatched outbox messages of every module's outbox table, across organizations.</summary>
internal sealed class OutboxSweep(IServiceProvider services, IEnumerable<ModuleDatabase> databases) : IRetentionSweep
{
    public string Name => "outbox_messages";

    public async Task<int> SweepAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - TimeSpan.FromDays(options.OutboxDays);
        var deleted = 0;
        foreach (var database in databases)
        {
            if (services.GetRequiredService(database.ContextType) is TenantDbContext db)
            {
                deleted += await db.Outbox.IgnoreQueryFilters()
                    .Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            }
        }
        return deleted;
    }
}

internal sealed class JobSweep(JobsDbContext db) : IRetentionSweep
{
    public string Name => "jobs";

    public Task<int> SweepAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - TimeSpan.FromDays(options.JobDays);
        return db.Jobs.IgnoreQueryFilters()
            .Where(j => (j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled)
                && j.FinishedAt != null && j.FinishedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}

internal sealed class DeliverySweep(EventsDbContext db) : IRetentionSweep
{
    public string Name => "deliveries";

    public async Task<int> SweepAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - TimeSpan.FromDays(options.DeliveryDays);
        var webhooks = await db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => (d.Status == DeliveryStatus.Succeeded || d.Status == DeliveryStatus.Dead) && d.UpdatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var emails = await db.EmailAlerts.IgnoreQueryFilters()
            .Where(a => (a.Status == DeliveryStatus.Succeeded || a.Status == DeliveryStatus.Dead) && a.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        return webhooks + emails;
    }
}

/// <summary>A folder whose files the retention job deletes after <see cref="RetentionOptions.ExportDays"/> (a module's exports).</summary>
public sealed record RetainedFolder(Func<IServiceProvider, string> Path);

internal sealed class FileSweep(IServiceProvider services, IEnumerable<RetainedFolder> folders) : IRetentionSweep
{
    public string Name => "files";

    public Task<int> SweepAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = (now - TimeSpan.FromDays(options.ExportDays)).UtcDateTime;
        var deleted = 0;
        foreach (var folder in folders.Select(f => f.Path(services)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            foreach (var empty in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)
                .OrderByDescending(d => d.Length).Where(d => !Directory.EnumerateFileSystemEntries(d).Any()))
            {
                Directory.Delete(empty);
            }
        }
        return Task.FromResult(deleted);
    }
}
