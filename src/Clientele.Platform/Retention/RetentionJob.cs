using Clientele.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Retention;

/// <summary><c>platform.retention</c>: runs every retention task and returns how much each deleted, e.g. <c>{"outbox": 120, "jobs": 4}</c>.</summary>
public sealed class RetentionJob(IEnumerable<IRetentionTask> tasks, IOptions<RetentionOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobKind = "platform.retention";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deleted = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var all = tasks.ToList();
        foreach (var (task, index) in all.Select((t, i) => (t, i)))
        {
            await context.ReportAsync(index * 100 / all.Count, $"Purging {task.Name}", cancellationToken);
            deleted[task.Name] = deleted.GetValueOrDefault(task.Name) + await task.PurgeAsync(options.Value, now, cancellationToken);
        }
        await context.ReportAsync(100, string.Join(", ", deleted.Select(d => $"{d.Value} {d.Key}")), cancellationToken);
        return deleted;
    }
}
