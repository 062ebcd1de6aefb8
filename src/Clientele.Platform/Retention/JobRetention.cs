using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Retention;

/// <summary>Succeeded, failed and cancelled jobs of every organization; queued and running ones stay whatever their age.</summary>
public sealed class JobRetention(JobsDbContext db) : IRetentionTask
{
    public string Name => "jobs";

    public async Task<int> PurgeAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        RetentionOptions.Cutoff(now, options.JobDays) is { } cutoff
            ? await db.Jobs.IgnoreQueryFilters()
                .Where(j => (j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed || j.Status == JobStatus.Cancelled)
                    && j.FinishedAt != null && j.FinishedAt < cutoff)
                .ExecuteDeleteAsync(cancellationToken)
            : 0;
}
