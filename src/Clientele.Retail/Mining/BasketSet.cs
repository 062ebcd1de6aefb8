namespace Clientele.Retail.Mining;

/// <summary>
/// Baskets as rows of dense item ids (0 … <see cref="ItemCount"/> − 1, in order of first appearance), each id an index into
/// <see cref="Labels"/>. An item appears at most once in a basket.
/// </summary>
public sealed class BasketSet
{
    private readonly int[] _offsets;
    private readonly int[] _items;

    internal BasketSet(int[] offsets, int[] items, string[] labels)
    {
        _offsets = offsets;
        _items = items;
        Labels = labels;
    }

    public int Count => _offsets.Length - 1;

    public int ItemCount => Labels.Count;

    public IReadOnlyList<string> Labels { get; }

    public ReadOnlySpan<int> Basket(int index) => _items.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Baskets of labels, compared ordinally and untrimmed; a label repeated within a basket counts once.</summary>
    public static BasketSet FromBaskets(IEnumerable<IEnumerable<string>> baskets)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        var builder = new BasketSetBuilder();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var basket in baskets)
        {
            foreach (var label in basket)
            {
                if (!ids.TryGetValue(label, out var id))
                {
                    id = ids.Count;
                    ids.Add(label, id);
                    builder.AddLabel(label);
                }
                builder.AddItem(id);
            }
            builder.EndBasket();
        }
        return builder.Build();
    }
}

/// <summary>Collects baskets row by row, dropping an item repeated within its basket.</summary>
internal sealed class BasketSetBuilder(int itemCapacity = 1024, int basketCapacity = 256)
{
    private IntList _items = new(itemCapacity);
    private IntList _offsets = Start(basketCapacity);
    private IntList _lastBasket = new(256);
    private readonly List<string> _labels = [];

    public int BasketCount => _offsets.Count - 1;

    public int PendingItems => _items.Count - _offsets[_offsets.Count - 1];

    public void AddLabel(string label)
    {
        _labels.Add(label);
        _lastBasket.Add(-1);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddItem(int id)
    {
        ref var last = ref _lastBasket.Items[id];
        var basket = _offsets.Count - 1;
        if (last != basket)
        {
            last = basket;
            _items.Add(id);
        }
    }

    public void EndBasket() => _offsets.Add(_items.Count);

    public BasketSet Build() => new(_offsets.ToArray(), _items.ToArray(), [.. _labels]);

    private static IntList Start(int capacity)
    {
        var list = new IntList(capacity);
        list.Add(0);
        return list;
    }
}

/// <summary>A growable int array without the bounds and version checks of <see cref="List{T}"/>.</summary>
internal struct IntList(int capacity)
{
    public int[] Items = new int[Math.Max(capacity, 4)];
    public int Count;

    public readonly int this[int index] => Items[index];

    public void Add(int value)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Items.Length * 2);
        }
        Items[Count++] = value;
    }

    public void EnsureRoom(int extra)
    {
        if (Count + extra > Items.Length)
        {
            Array.Resize(ref Items, Math.Max(Items.Length * 2, Count + extra));
        }
    }

    public readonly int[] ToArray() => Items.AsSpan(0, Count).ToArray();
}
