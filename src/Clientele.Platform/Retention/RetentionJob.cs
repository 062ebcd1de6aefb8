using Clientele.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Retention;

/// <summary>Runs every sweep once, across organizations; the result counts what each deleted.</summary>
public sealed class RetentionJob(IEnumerable<IRetentionSweep> sweeps, IOptions<RetentionOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobKind = "platform.retention";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var deleted = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var all = sweeps.ToList();
        var now = time.GetUtcNow();
        foreach (var sweep in all)
        {
            await context.ProgressAsync(deleted.Count, all.Count, $"Deleting old {sweep.Name.Replace('_', ' ')}", cancellationToken);
            deleted[sweep.Name] = await sweep.SweepAsync(options.Value, now, cancellationToken);
        }
        await context.ProgressAsync(all.Count, all.Count, $"Deleted {deleted.Values.Sum()} items", cancellationToken);
        return new { deleted };
    }
}
