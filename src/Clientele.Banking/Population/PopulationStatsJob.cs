using Clientele.Platform.Jobs;

namespace Clientele.Banking.Population;

/// <summary><c>banking.population-stats</c>: brings the stored statistics up to the data version (with <c>force</c>, rebuilds them anyway).</summary>
public sealed class PopulationStatsJob(PopulationStatsStore store) : IJobHandler
{
    public const string JobKind = "banking.population-stats";

    public string Kind => JobKind;

    public sealed record Payload(bool Force = false);

    public sealed record Result(bool Built, long DataVersion, int? Clients);

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var force = context.Payload<Payload>().Force;
        await context.ReportAsync(0, "Waiting for the statistics builder", cancellationToken);
        var built = await store.EnsureCurrentAsync(force, (done, total) =>
            context.ProgressAsync(done, total, $"{done} of {total} clients", cancellationToken), cancellationToken);
        var state = await store.StateAsync(cancellationToken);
        await context.ReportAsync(100, built ? $"Built for data version {state.StatsDataVersion}" : "Already current", cancellationToken);
        return new Result(built, state.StatsDataVersion ?? 0, state.Clients);
    }
}
