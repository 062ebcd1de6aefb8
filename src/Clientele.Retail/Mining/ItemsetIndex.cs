namespace Clientele.Retail.Mining;

/// <summary>Finds an itemset of a table by its items (in the table's order), by open addressing over the table itself.</summary>
internal sealed class ItemsetIndex
{
    private readonly FrequentItemsets _itemsets;
    private readonly int[] _slots;
    private readonly int _mask;

    public ItemsetIndex(FrequentItemsets itemsets)
    {
        _itemsets = itemsets;
        var capacity = 16;
        while (capacity < itemsets.Count * 2L)
        {
            capacity *= 2;
        }
        _slots = new int[capacity];
        _mask = capacity - 1;
        Array.Fill(_slots, -1);
        for (var i = 0; i < itemsets.Count; i++)
        {
            var slot = Hash(itemsets.Items(i)) & _mask;
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = i;
        }
    }

    /// <summary>The itemset's index, or −1.</summary>
    public int Find(ReadOnlySpan<int> items)
    {
        for (var slot = Hash(items) & _mask; _slots[slot] >= 0; slot = (slot + 1) & _mask)
        {
            if (_itemsets.Items(_slots[slot]).SequenceEqual(items))
            {
                return _slots[slot];
            }
        }
        return -1;
    }

    /// <summary>
    /// Keeps the closed (no one-larger superset of the same count) or maximal (no frequent one-larger superset) itemsets of at
    /// most <paramref name="maxLength"/> items; <paramref name="all"/> holds every frequent itemset of up to one item more.
    /// </summary>
    public static FrequentItemsets Filter(FrequentItemsets all, ItemsetKind kind, int maxLength)
    {
        var index = new ItemsetIndex(all);
        var dropped = new bool[all.Count];
        var subset = new int[64];
        for (var i = 0; i < all.Count; i++)
        {
            var items = all.Items(i);
            if (items.Length < 2)
            {
                continue;
            }
            if (subset.Length < items.Length)
            {
                subset = new int[items.Length * 2];
            }
            for (var leave = 0; leave < items.Length; leave++)
            {
                items[..leave].CopyTo(subset);
                items[(leave + 1)..].CopyTo(subset.AsSpan(leave));
                var smaller = index.Find(subset.AsSpan(0, items.Length - 1));
                if (kind == ItemsetKind.Maximal || all.SupportCount(smaller) == all.SupportCount(i))
                {
                    dropped[smaller] = true;
                }
            }
        }
        return all.Where(i => !dropped[i] && all.Items(i).Length <= maxLength);
    }

    private static int Hash(ReadOnlySpan<int> items)
    {
        var hash = 2166136261u;
        foreach (var item in items)
        {
            hash = (hash ^ (uint)item) * 16777619u;
        }
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7FFFFFFF);
    }
}
