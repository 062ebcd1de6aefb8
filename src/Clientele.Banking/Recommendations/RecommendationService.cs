using System.Runtime.CompilerServices;
using Clientele.Banking.Data;
using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
using Clientele.Banking.Population;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Recommendations;

/// <summary>One client's recommendation: features, all ten offers, the push for the best one and what the checker says of it.</summary>
public sealed record ClientRecommendation(ClientFeatures Features, ClientOffers Offers, string PushNotification, IReadOnlyList<PushFinding> PushFindings);

/// <summary>How many clients have each product as their best, every product listed (zero included).</summary>
public sealed record ProductMix(int Clients, IReadOnlyList<ProductCount> Products);

public sealed record ProductCount(string Product, int Clients);

/// <summary>
/// The engine and the push composer over the organization's stored clients, ranked against the stored population statistics
/// (<see cref="PopulationStatsStore"/>), so no request reads the whole organization.
/// </summary>
public sealed class RecommendationService(
    BankingDbContext db, OfferEngine engine, PushComposer composer, PopulationStatsStore stats, IMemoryCache cache, IOptions<RecommendationOptions> options)
{
    private int PageSize => Math.Max(1, options.Value.PageSize);

    public async Task<int> CountClientsAsync(CancellationToken cancellationToken) => await db.Clients.CountAsync(cancellationToken);

    /// <summary>The organization's stored population statistics.</summary>
    public Task<PopulationStats> PopulationAsync(CancellationToken cancellationToken) => stats.CurrentAsync(cancellationToken);

    /// <summary>Every client described once into fresh statistics (what a build does), for measuring it.</summary>
    public Task<PopulationStats> BuildPopulationAsync(Func<int, Task>? onPage, CancellationToken cancellationToken) =>
        PopulationStatsReader.BuildAsync(db, engine, PageSize, onPage is null ? null : page => onPage(page.Count), cancellationToken);

    /// <summary>
    /// The client's features: kept in memory per data version (a new import makes them unreachable), else the stored ones when
    /// fresh (kept current at import), else described from the client's rows; null for an unknown client.
    /// </summary>
    public async Task<ClientFeatures?> FeaturesAsync(int clientCode, CancellationToken cancellationToken) =>
        await FeaturesAtAsync(clientCode, await DataVersions.CurrentAsync(db, cancellationToken), cancellationToken);

    private async Task<ClientFeatures?> FeaturesAtAsync(int clientCode, long version, CancellationToken cancellationToken)
    {
        var key = new FeaturesKey(db.CurrentOrganizationId, version, clientCode);
        if (cache.TryGetValue(key, out ClientFeatures? cached) && cached is not null)
        {
            return cached;
        }
        var features = await ClientFeaturesStore.FreshAsync(db, clientCode, cancellationToken)
            ?? (await ClientActivityReader.OneAsync(db, clientCode, cancellationToken) is { } activity ? engine.Describe(activity) : null);
        if (features is not null)
        {
            cache.Set(key, features, new MemoryCacheEntryOptions { SlidingExpiration = FeaturesKept });
        }
        return features;
    }

    private static readonly TimeSpan FeaturesKept = TimeSpan.FromMinutes(10);

    private sealed record FeaturesKey(Guid OrganizationId, long DataVersion, int ClientCode);

    /// <summary>The client's ranked offers and push, from <see cref="FeaturesAtAsync"/>: one read of the versions, the rest from memory.</summary>
    public async Task<ClientRecommendation?> ForClientAsync(int clientCode, CancellationToken cancellationToken)
    {
        var state = await stats.StateAsync(cancellationToken);
        if (await FeaturesAtAsync(clientCode, state.DataVersion, cancellationToken) is not { } features)
        {
            return null;
        }
        var population = await stats.CurrentAsync(state, cancellationToken);
        var offers = engine.Rank(features, population);
        var push = composer.Compose(features, offers.Best);
        return new ClientRecommendation(features, offers, push, PushChecker.Check(push, features, offers.Best, composer.Settings));
    }

    /// <summary>
    /// Pass 2 of a batch: every client ranked against <paramref name="population"/>, with a push for each of its first
    /// <paramref name="top"/> products, yielded page by page in client-code order.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<RecommendationRow>> RecommendAllAsync(
        PopulationStats population, int top, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Ranked and composed on the thread pool while the next page is read.
        await foreach (var rows in ClientActivityReader.PipelineAsync(db, PageSize, page => Recommend(page, population, top), cancellationToken))
        {
            yield return rows;
        }
    }

    private List<RecommendationRow> Recommend(IReadOnlyList<ClientActivity> page, PopulationStats population, int top)
    {
        var rows = new List<RecommendationRow>(page.Count * top);
        foreach (var activity in page)
        {
            var features = engine.Describe(activity);
            foreach (var offer in engine.Rank(features, population).Top(top))
            {
                rows.Add(new RecommendationRow(features.ClientCode, offer.Rank, offer.Product, composer.Compose(features, offer)));
            }
        }
        return rows;
    }

    /// <summary>How many clients have each product as best; cached per instance for the data and statistics it was counted on.</summary>
    public async Task<ProductMix> ProductMixAsync(CancellationToken cancellationToken)
    {
        var population = await PopulationAsync(cancellationToken);
        var state = await stats.StateAsync(cancellationToken);
        var key = $"banking:recommendations:mix:{db.CurrentOrganizationId}:{state.DataVersion}:{state.StatsDataVersion}:{state.BuiltAt?.UtcTicks}";
        if (cache.TryGetValue(key, out ProductMix? cached) && cached is not null)
        {
            return cached;
        }
        var counts = Products.All.ToDictionary(p => p, _ => 0);
        var clients = 0;
        await foreach (var bests in ClientActivityReader.PipelineAsync(db, PageSize,
                           page => page.Select(a => engine.Rank(engine.Describe(a), population).Best.Product).ToList(), cancellationToken))
        {
            foreach (var best in bests)
            {
                counts[best] = counts.GetValueOrDefault(best) + 1;
                clients++;
            }
        }
        var mix = new ProductMix(clients, counts.OrderByDescending(c => c.Value).ThenBy(c => Products.All.ToList().IndexOf(c.Key))
            .Select(c => new ProductCount(c.Key, c.Value)).ToList());
        cache.Set(key, mix, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        return mix;
    }
}
