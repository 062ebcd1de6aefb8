using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Banking.Population;

/// <summary>What the stored population statistics describe, and a rebuild on demand (a durable job).</summary>
public static class PopulationStatsEndpoints
{
    public sealed record PopulationStatsView(
        long DataVersion, long? StatsDataVersion, bool Fresh, bool Building, int? Clients, int? Signals, DateTimeOffset? BuiltAt);

    public static void Map(RouteGroupBuilder banking)
    {
        banking.MapGet("/api/population-stats", GetAsync).WithName("GetPopulationStats").WithTags("Recommendations")
            .WithSummary("The organization's data version and the stored population statistics: the version they describe, clients, when built.");
        banking.MapPost("/api/population-stats/rebuild", RebuildAsync).WithName("RebuildPopulationStats").WithTags("Recommendations")
            .WithSummary("Queues a job that rebuilds the population statistics (one builder at a time), e.g. after a change of the engine's settings.")
            .RequireWriteAccess(BankingModule.Name);
    }

    public static async Task<Ok<PopulationStatsView>> GetAsync(PopulationStatsStore store, CancellationToken cancellationToken)
    {
        var state = await store.StateAsync(cancellationToken);
        return TypedResults.Ok(new PopulationStatsView(
            state.DataVersion, state.StatsDataVersion, state.Fresh, state.Building, state.Clients, state.Signals, state.BuiltAt));
    }

    public static async Task<Accepted<TaskAccepted>> RebuildAsync(PopulationStatsStore store, ModuleCatalog catalog, CancellationToken cancellationToken)
    {
        var job = await store.QueueRebuildAsync(force: true, cancellationToken);
        return TaskAccepted.For(job, "The population statistics are being rebuilt", catalog);
    }
}
