namespace Clientele.Retail.Mining;

/// <summary>
/// Receives frequent itemsets one at a time as the miner finds them, so they can be written out without being kept.
/// The items are the caller's item ids, most frequent first; the span is only valid during the call.
/// </summary>
public abstract class ItemsetSink
{
    public abstract void Add(ReadOnlySpan<int> items, int count);
}

/// <summary>Keeps the itemsets in one flat table (items, end offsets, counts).</summary>
internal sealed class ItemsetTable : ItemsetSink
{
    public IntList Items = new(4096);
    public IntList Ends = new(1024);
    public IntList Counts = new(1024);

    public override void Add(ReadOnlySpan<int> items, int count)
    {
        if (Items.Count + items.Length > Items.Items.Length)
        {
            if ((long)Items.Count + items.Length > Array.MaxLength || Counts.Count == Array.MaxLength)
            {
                throw new InvalidOperationException($"Too many frequent itemsets ({Counts.Count}); raise the minimum support or lower the maximum length.");
            }
            Items.EnsureRoom(items.Length);
        }
        items.CopyTo(Items.Items.AsSpan(Items.Count));
        Items.Count += items.Length;
        Ends.Add(Items.Count);
        Counts.Add(count);
    }

    public void Clear()
    {
        Items.Count = 0;
        Ends.Count = 0;
        Counts.Count = 0;
    }

    public void CopyTo(ItemsetSink sink)
    {
        var start = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            var end = Ends.Items[i];
            sink.Add(Items.Items.AsSpan(start, end - start), Counts.Items[i]);
            start = end;
        }
    }

    public FrequentItemsets ToFrequentItemsets(BasketSet baskets, int minimumCount) =>
        new(Items.Items, Ends.Items, Counts.Items, Counts.Count, baskets.Count, minimumCount, baskets.Labels);
}
