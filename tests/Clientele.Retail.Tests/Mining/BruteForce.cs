using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Mining;

/// <summary>Every subset of a few items counted against every basket: the definitions, with no cleverness.</summary>
internal static class BruteForce
{
    /// <summary>Itemset (a bit mask of item ids) → count, for every itemset with count ≥ <paramref name="minimumCount"/>.</summary>
    public static Dictionary<int, int> Frequent(BasketSet baskets, int minimumCount)
    {
        var masks = new int[baskets.Count];
        for (var b = 0; b < baskets.Count; b++)
        {
            foreach (var item in baskets.Basket(b))
            {
                masks[b] |= 1 << item;
            }
        }
        var frequent = new Dictionary<int, int>();
        for (var set = 1; set < 1 << baskets.ItemCount; set++)
        {
            var count = masks.Count(m => (m & set) == set);
            if (count >= minimumCount)
            {
                frequent[set] = count;
            }
        }
        return frequent;
    }

    public static Dictionary<int, int> Select(Dictionary<int, int> frequent, ItemsetKind kind, int maxLength) =>
        frequent.Where(f => Length(f.Key) <= maxLength && kind switch
        {
            ItemsetKind.Closed => !frequent.Any(g => g.Key != f.Key && (g.Key & f.Key) == f.Key && g.Value == f.Value),
            ItemsetKind.Maximal => !frequent.Any(g => g.Key != f.Key && (g.Key & f.Key) == f.Key),
            _ => true,
        }).ToDictionary();

    public static int Length(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);

    public static int Mask(ReadOnlySpan<int> items)
    {
        var mask = 0;
        foreach (var item in items)
        {
            mask |= 1 << item;
        }
        return mask;
    }

    /// <summary>Random baskets over up to <paramref name="items"/> labels, some items far more common than others, some baskets empty, some labels repeated.</summary>
    public static BasketSet RandomBaskets(int seed, int items, int baskets)
    {
        var random = new Random(seed);
        var chance = Enumerable.Range(0, items).Select(_ => random.NextDouble() * random.NextDouble() * 1.2).ToArray();
        var rows = new List<List<string>>();
        for (var b = 0; b < baskets; b++)
        {
            var row = new List<string>();
            for (var i = 0; i < items; i++)
            {
                if (random.NextDouble() < chance[i])
                {
                    row.Add($"item {i}");
                    if (random.Next(10) == 0)
                    {
                        row.Add($"item {i}");
                    }
                }
            }
            rows.Add(row);
        }
        return BasketSet.FromBaskets(rows);
    }
}
