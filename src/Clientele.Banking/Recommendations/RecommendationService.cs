using System.Runtime.CompilerServices;
using Clientele.Banking.Data;
using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
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
/// The engine and the push composer over the organization's stored clients. Population statistics are built by streaming
/// every client once and are cached per organization under a fingerprint of its data, so an import (which writes a
/// <c>banking.import.completed</c> event and new rows) makes the next request rebuild them.
/// </summary>
public sealed class RecommendationService(
    BankingDbContext db, OfferEngine engine, PushComposer composer, IMemoryCache cache, IOptions<RecommendationOptions> options)
{
    public const string ImportCompleted = "banking.import.completed";

    private int PageSize => Math.Max(1, options.Value.PageSize);

    public async Task<int> CountClientsAsync(CancellationToken cancellationToken) => await db.Clients.CountAsync(cancellationToken);

    /// <summary>The organization's population statistics, from the cache when its data has not changed.</summary>
    public async Task<PopulationStats> PopulationAsync(CancellationToken cancellationToken)
    {
        var key = await CacheKeyAsync("stats", cancellationToken);
        if (cache.TryGetValue(key, out PopulationStats? cached) && cached is not null)
        {
            return cached;
        }
        var stats = await BuildPopulationAsync(null, cancellationToken);
        cache.Set(key, stats, TimeSpan.FromSeconds(Math.Max(options.Value.StatsCacheSeconds, 1)));
        return stats;
    }

    /// <summary>Pass 1 of a batch: every client described once into the statistics builder, a page at a time.</summary>
    public async Task<PopulationStats> BuildPopulationAsync(Func<int, Task>? onPage, CancellationToken cancellationToken)
    {
        var builder = new PopulationStatsBuilder();
        await foreach (var page in ClientActivityReader.PagesAsync(db, PageSize, cancellationToken))
        {
            foreach (var activity in page)
            {
                builder.Add(engine.Describe(activity));
            }
            if (onPage is not null)
            {
                await onPage(page.Count);
            }
        }
        return builder.Build();
    }

    public async Task<ClientRecommendation?> ForClientAsync(int clientCode, CancellationToken cancellationToken)
    {
        if (await ClientActivityReader.OneAsync(db, clientCode, cancellationToken) is not { } activity)
        {
            return null;
        }
        var population = await PopulationAsync(cancellationToken);
        var features = engine.Describe(activity);
        var offers = engine.Rank(features, population);
        var push = composer.Compose(features, offers.Best);
        return new ClientRecommendation(features, offers, push, PushChecker.Check(push, features, offers.Best));
    }

    /// <summary>
    /// Pass 2 of a batch: every client ranked against <paramref name="population"/>, with a push for each of its first
    /// <paramref name="top"/> products, yielded page by page in client-code order.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<RecommendationRow>> RecommendAllAsync(
        PopulationStats population, int top, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ClientActivityReader.PagesAsync(db, PageSize, cancellationToken))
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
            yield return rows;
        }
    }

    /// <summary>How many clients have each product as best; cached like the statistics.</summary>
    public async Task<ProductMix> ProductMixAsync(CancellationToken cancellationToken)
    {
        var key = await CacheKeyAsync("mix", cancellationToken);
        if (cache.TryGetValue(key, out ProductMix? cached) && cached is not null)
        {
            return cached;
        }
        var population = await PopulationAsync(cancellationToken);
        var counts = Products.All.ToDictionary(p => p, _ => 0);
        var clients = 0;
        await foreach (var page in ClientActivityReader.PagesAsync(db, PageSize, cancellationToken))
        {
            foreach (var activity in page)
            {
                var best = engine.Rank(engine.Describe(activity), population).Best.Product;
                counts[best] = counts.GetValueOrDefault(best) + 1;
                clients++;
            }
        }
        var mix = new ProductMix(clients, counts.OrderByDescending(c => c.Value).ThenBy(c => Products.All.ToList().IndexOf(c.Key))
            .Select(c => new ProductCount(c.Key, c.Value)).ToList());
        cache.Set(key, mix, TimeSpan.FromSeconds(Math.Max(options.Value.StatsCacheSeconds, 1)));
        return mix;
    }

    /// <summary>Cheap to read (four indexed aggregates) and changed by every import: a new event, new row ids, a new client count.</summary>
    private async Task<string> CacheKeyAsync(string what, CancellationToken cancellationToken)
    {
        var clients = await db.Clients.CountAsync(cancellationToken);
        var lastImport = await db.Outbox.Where(m => m.Type == ImportCompleted).MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        var lastPayment = await db.Transactions.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var lastTransfer = await db.Transfers.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        return $"banking:recommendations:{what}:{db.CurrentOrganizationId}:{clients}:{lastImport}:{lastPayment}:{lastTransfer}";
    }
}
