namespace Clientele.Retail.Bundling;

/// <summary>
/// How often items are bought together: each item's basket count and, per item, its partners (sorted ids) with the
/// number of baskets holding both (compressed sparse rows), and of those in which the partner is listed later.
/// Repeated items in a basket count once, at their first place.
/// </summary>
public sealed class ItemCooccurrence
{
    private readonly int[] itemCounts;
    private readonly int[] rowStarts;
    private readonly int[] partners;
    private readonly int[] pairCounts;
    private readonly int[] laterCounts;

    internal ItemCooccurrence(int basketCount, int[] itemCounts, int[] rowStarts, int[] partners, int[] pairCounts, int[] laterCounts)
    {
        BasketCount = basketCount;
        this.itemCounts = itemCounts;
        this.rowStarts = rowStarts;
        this.partners = partners;
        this.pairCounts = pairCounts;
        this.laterCounts = laterCounts;
    }

    public int BasketCount { get; }

    public int ItemCount => itemCounts.Length;

    public int PairEntries => partners.Length;

    public int CountOf(int item) => IsKnown(item) ? itemCounts[item] : 0;

    public bool IsKnown(int item) => item >= 0 && item < itemCounts.Length;

    public ReadOnlySpan<int> PartnersOf(int item) => partners.AsSpan(rowStarts[item], rowStarts[item + 1] - rowStarts[item]);

    public ReadOnlySpan<int> PairCountsOf(int item) => pairCounts.AsSpan(rowStarts[item], rowStarts[item + 1] - rowStarts[item]);

    /// <summary>Per partner of <paramref name="item"/>, the baskets in which the partner is listed after it.</summary>
    public ReadOnlySpan<int> LaterCountsOf(int item) => laterCounts.AsSpan(rowStarts[item], rowStarts[item + 1] - rowStarts[item]);

    /// <summary>Baskets holding both in which <paramref name="other"/> is listed after <paramref name="item"/>.</summary>
    public int CountLater(int item, int other)
    {
        if (!IsKnown(item) || !IsKnown(other) || item == other)
        {
            return 0;
        }
        var at = PartnersOf(item).BinarySearch(other);
        return at < 0 ? 0 : laterCounts[rowStarts[item] + at];
    }

    public int CountOf(int item, int other)
    {
        if (!IsKnown(item) || !IsKnown(other) || item == other)
        {
            return 0;
        }
        var at = PartnersOf(item).BinarySearch(other);
        return at < 0 ? 0 : pairCounts[rowStarts[item] + at];
    }

    /// <summary>P(both) / (P(item)·P(other)); 0 when either never sold.</summary>
    public double Lift(int item, int other)
    {
        var both = CountOf(item, other);
        return both == 0 ? 0 : (double)both * BasketCount / ((double)itemCounts[item] * itemCounts[other]);
    }

    /// <summary>P(other | item): the share of baskets with <paramref name="item"/> that also hold <paramref name="other"/>.</summary>
    public double Confidence(int item, int other)
    {
        var both = CountOf(item, other);
        return both == 0 ? 0 : (double)both / itemCounts[item];
    }

    public static ItemCooccurrence Count(IReadOnlyList<int[]> baskets, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        var distinct = baskets.Select(basket => Distinct(basket, itemCount)).ToArray();
        var itemCounts = new int[itemCount];
        foreach (var basket in distinct)
        {
            foreach (var item in basket)
            {
                itemCounts[item]++;
            }
        }
        var basketsOf = new int[itemCount][];
        var filled = new int[itemCount];
        for (var item = 0; item < itemCount; item++)
        {
            basketsOf[item] = new int[itemCounts[item]];
        }
        for (var index = 0; index < distinct.Length; index++)
        {
            foreach (var item in distinct[index])
            {
                basketsOf[item][filled[item]++] = index;
            }
        }

        var rowStarts = new int[itemCount + 1];
        var partners = new List<int>();
        var pairCounts = new List<int>();
        var laterCounts = new List<int>();
        var tally = new int[itemCount];
        var laterTally = new int[itemCount];
        var touched = new List<int>();
        for (var item = 0; item < itemCount; item++)
        {
            foreach (var index in basketsOf[item])
            {
                var later = false;
                foreach (var other in distinct[index])
                {
                    if (other == item)
                    {
                        later = true;
                        continue;
                    }
                    if (tally[other]++ == 0)
                    {
                        touched.Add(other);
                    }
                    if (later)
                    {
                        laterTally[other]++;
                    }
                }
            }
            touched.Sort();
            foreach (var other in touched)
            {
                partners.Add(other);
                pairCounts.Add(tally[other]);
                laterCounts.Add(laterTally[other]);
                tally[other] = 0;
                laterTally[other] = 0;
            }
            touched.Clear();
            rowStarts[item + 1] = partners.Count;
        }
        return new ItemCooccurrence(distinct.Length, itemCounts, rowStarts, [.. partners], [.. pairCounts], [.. laterCounts]);
    }

    internal static int[] Distinct(int[] basket, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(basket);
        foreach (var item in basket)
        {
            if (item < 0 || item >= itemCount)
            {
                throw new ArgumentOutOfRangeException(nameof(basket), item, $"Item ids run from 0 to {itemCount - 1}.");
            }
        }
        return basket.Distinct().ToArray();
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(BasketCount);
        ModelFormat.WriteInts(writer, itemCounts);
        ModelFormat.WriteInts(writer, rowStarts);
        ModelFormat.WriteInts(writer, partners);
        ModelFormat.WriteInts(writer, pairCounts);
        ModelFormat.WriteInts(writer, laterCounts);
    }

    internal static ItemCooccurrence Read(BinaryReader reader)
    {
        var basketCount = reader.ReadInt32();
        var itemCounts = ModelFormat.ReadInts(reader);
        var rowStarts = ModelFormat.ReadInts(reader);
        var partners = ModelFormat.ReadInts(reader);
        var pairCounts = ModelFormat.ReadInts(reader);
        var laterCounts = ModelFormat.ReadInts(reader);
        if (rowStarts.Length != itemCounts.Length + 1 || partners.Length != pairCounts.Length || laterCounts.Length != partners.Length
            || rowStarts[^1] != partners.Length || partners.Any(item => item < 0 || item >= itemCounts.Length))
        {
            throw new InvalidDataException("The co-occurrence table of the bundle model is inconsistent.");
        }
        return new ItemCooccurrence(basketCount, itemCounts, rowStarts, partners, pairCounts, laterCounts);
    }
}
