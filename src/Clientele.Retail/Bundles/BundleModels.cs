using Clientele.Retail.Bundling;
using Clientele.Retail.Data;
using Clientele.Retail.Mining;
using Clientele.Retail.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Clientele.Retail.Bundles;

/// <summary>A run's trained recommender with the SKU of each of its item ids; loaded once per run and kept in memory.</summary>
public sealed record TrainedBundles(int RunId, BundleModel Model, int[] Skus)
{
    public int? ItemOf(int sku)
    {
        var index = Array.BinarySearch(Skus, sku);
        return index >= 0 ? index : null;
    }

    /// <summary>Trains on baskets of SKUs and rules over SKUs; item ids are the positions in the ascending SKU list.</summary>
    public static (byte[] Model, string Skus) Train(IReadOnlyList<int[]> baskets, IReadOnlyList<AssociationRule> rules)
    {
        var skus = baskets.SelectMany(b => b).Distinct().Order().ToArray();
        int Item(int sku) => Array.BinarySearch(skus, sku);
        var dense = baskets.Select(b => b.Select(Item).ToArray()).ToList();
        var denseRules = rules.Select(r => r with { Antecedent = [.. r.Antecedent.Select(Item)], Consequent = [.. r.Consequent.Select(Item)] }).ToList();
        return (BundleModel.Train(dense, skus.Length, denseRules).ToBytes(), RuleRows.Join(skus));
    }
}

public sealed class BundleModels(IMemoryCache cache)
{
    /// <summary>The model of <paramref name="runId"/>, or of the latest succeeded run; null when there is none.</summary>
    public async Task<TrainedBundles?> GetAsync(RetailDbContext db, int? runId, CancellationToken cancellationToken)
    {
        var runs = db.MiningRuns.AsNoTracking().Where(r => r.Status == MiningRunStatus.Succeeded && r.BundleModel != null);
        var key = await (runId is { } wanted ? runs.Where(r => r.RunId == wanted) : runs.OrderByDescending(r => r.RunId))
            .Select(r => new { r.Id, r.RunId }).FirstOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }
        // Row ids are unique across organizations, and the query above already passed the organization filter.
        return await cache.GetOrCreateAsync(("retail.bundles", key.Id), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            var stored = await db.MiningRuns.AsNoTracking().Where(r => r.Id == key.Id)
                .Select(r => new { r.BundleModel, r.BundleSkus }).SingleAsync(cancellationToken);
            return new TrainedBundles(key.RunId, BundleModel.FromBytes(stored.BundleModel!), RuleRows.Split(stored.BundleSkus ?? ","));
        });
    }
}
