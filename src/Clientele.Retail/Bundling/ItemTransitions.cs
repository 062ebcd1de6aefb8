namespace Clientele.Retail.Bundling;

/// <summary>
/// Which item follows which in the baskets' own order (the order of the lines of a receipt or the cart): for each
/// item, the items listed right after it and how often. Repeats in a basket count at their first place.
/// </summary>
public sealed class ItemTransitions
{
    private readonly int[] outgoing;
    private readonly int[] rowStarts;
    private readonly int[] successors;
    private readonly int[] counts;

    internal ItemTransitions(int[] outgoing, int[] rowStarts, int[] successors, int[] counts)
    {
        this.outgoing = outgoing;
        this.rowStarts = rowStarts;
        this.successors = successors;
        this.counts = counts;
    }

    public int ItemCount => outgoing.Length;

    public ReadOnlySpan<int> SuccessorsOf(int item) => successors.AsSpan(rowStarts[item], rowStarts[item + 1] - rowStarts[item]);

    public ReadOnlySpan<int> CountsOf(int item) => counts.AsSpan(rowStarts[item], rowStarts[item + 1] - rowStarts[item]);

    /// <summary>How often <paramref name="item"/> was followed by another item.</summary>
    public int OutgoingOf(int item) => outgoing[item];

    public int CountOf(int item, int next)
    {
        if (item < 0 || item >= ItemCount)
        {
            return 0;
        }
        var at = SuccessorsOf(item).BinarySearch(next);
        return at < 0 ? 0 : counts[rowStarts[item] + at];
    }

    /// <summary>P(next listed item = <paramref name="next"/> | <paramref name="item"/>); 0 when the item was never followed.</summary>
    public double Probability(int item, int next) =>
        item < 0 || item >= ItemCount || outgoing[item] == 0 ? 0 : (double)CountOf(item, next) / outgoing[item];

    public static ItemTransitions Count(IReadOnlyList<int[]> baskets, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        var pairs = new Dictionary<long, int>();
        var outgoing = new int[itemCount];
        foreach (var basket in baskets)
        {
            var distinct = ItemCooccurrence.Distinct(basket, itemCount);
            for (var index = 1; index < distinct.Length; index++)
            {
                var key = ((long)distinct[index - 1] << 32) | (uint)distinct[index];
                pairs[key] = pairs.GetValueOrDefault(key) + 1;
                outgoing[distinct[index - 1]]++;
            }
        }
        var ordered = pairs.OrderBy(pair => pair.Key).ToArray();
        var rowStarts = new int[itemCount + 1];
        var successors = new int[ordered.Length];
        var counts = new int[ordered.Length];
        for (var index = 0; index < ordered.Length; index++)
        {
            var from = (int)(ordered[index].Key >> 32);
            successors[index] = (int)(ordered[index].Key & 0xFFFFFFFF);
            counts[index] = ordered[index].Value;
            rowStarts[from + 1]++;
        }
        for (var item = 0; item < itemCount; item++)
        {
            rowStarts[item + 1] += rowStarts[item];
        }
        return new ItemTransitions(outgoing, rowStarts, successors, counts);
    }

    internal void Write(BinaryWriter writer)
    {
        ModelFormat.WriteInts(writer, outgoing);
        ModelFormat.WriteInts(writer, rowStarts);
        ModelFormat.WriteInts(writer, successors);
        ModelFormat.WriteInts(writer, counts);
    }

    internal static ItemTransitions Read(BinaryReader reader)
    {
        var outgoing = ModelFormat.ReadInts(reader);
        var rowStarts = ModelFormat.ReadInts(reader);
        var successors = ModelFormat.ReadInts(reader);
        var counts = ModelFormat.ReadInts(reader);
        if (rowStarts.Length != outgoing.Length + 1 || successors.Length != counts.Length || rowStarts[^1] != successors.Length
            || successors.Any(item => item < 0 || item >= outgoing.Length))
        {
            throw new InvalidDataException("The transition table of the bundle model is inconsistent.");
        }
        return new ItemTransitions(outgoing, rowStarts, successors, counts);
    }
}
