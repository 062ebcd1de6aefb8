namespace Clientele.Retail.Mining;

/// <summary>
/// Frequent itemsets in one flat table: itemset i's items (the caller's item ids, most frequent item first) and its count.
/// The order is deterministic: the same input and options give the same table whatever the number of threads.
/// </summary>
public sealed class FrequentItemsets
{
    private readonly int[] _items;
    private readonly int[] _ends;
    private readonly int[] _counts;

    internal FrequentItemsets(int[] items, int[] ends, int[] counts, int itemsetCount, int basketCount, int minimumCount, IReadOnlyList<string> labels)
    {
        _items = items;
        _ends = ends;
        _counts = counts;
        Count = itemsetCount;
        BasketCount = basketCount;
        MinimumCount = minimumCount;
        Labels = labels;
    }

    public int Count { get; }

    public int BasketCount { get; }

    /// <summary>The least count of a frequent itemset (the minimum support as a count of baskets).</summary>
    public int MinimumCount { get; }

    public IReadOnlyList<string> Labels { get; }

    public ReadOnlySpan<int> Items(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _items.AsSpan(start, _ends[index] - start);
    }

    /// <summary>The number of baskets that hold every item of the itemset.</summary>
    public int SupportCount(int index) => _counts[index];

    public double Support(int index) => (double)_counts[index] / BasketCount;

    internal FrequentItemsets Where(Func<int, bool> keep)
    {
        var items = new IntList(_items.Length);
        var ends = new IntList(Count);
        var counts = new IntList(Count);
        for (var i = 0; i < Count; i++)
        {
            if (keep(i))
            {
                var set = Items(i);
                items.EnsureRoom(set.Length);
                set.CopyTo(items.Items.AsSpan(items.Count));
                items.Count += set.Length;
                ends.Add(items.Count);
                counts.Add(_counts[i]);
            }
        }
        return new(items.Items, ends.Items, counts.Items, counts.Count, BasketCount, MinimumCount, Labels);
    }
}
