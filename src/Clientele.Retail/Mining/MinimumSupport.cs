using System.Globalization;

namespace Clientele.Retail.Mining;

/// <summary>The least support of a frequent itemset: a fraction of the baskets (0 &lt; f ≤ 1) or a number of baskets (≥ 1).</summary>
public readonly record struct MinimumSupport
{
    private MinimumSupport(double fraction, int count)
    {
        Fraction = fraction;
        Count = count;
    }

    /// <summary>The fraction, or 0 when the support was given as a count.</summary>
    public double Fraction { get; }

    /// <summary>The count, or 0 when the support was given as a fraction.</summary>
    public int Count { get; }

    public static MinimumSupport OfFraction(double fraction) =>
        fraction is > 0 and <= 1
            ? new(fraction, 0)
            : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The minimum support must be a fraction above 0 and at most 1.");

    public static MinimumSupport OfCount(int count) =>
        count >= 1 ? new(0, count) : throw new ArgumentOutOfRangeException(nameof(count), count, "The minimum support count must be at least 1.");

    /// <summary>The least basket count c with c / baskets ≥ fraction, as mlxtend compares supports (in doubles).</summary>
    public int ToCount(int baskets)
    {
        if (Count > 0)
        {
            return Count;
        }
        var count = (long)Math.Ceiling(Fraction * baskets);
        while (count > 1 && (double)(count - 1) / baskets >= Fraction)
        {
            count--;
        }
        while ((double)count / baskets < Fraction)
        {
            count++;
        }
        return (int)Math.Clamp(count, 1, int.MaxValue);
    }

    public override string ToString() => Count > 0 ? Count.ToString(CultureInfo.InvariantCulture) : Fraction.ToString(CultureInfo.InvariantCulture);
}

public enum ItemsetKind
{
    /// <summary>Every frequent itemset.</summary>
    All,

    /// <summary>Frequent itemsets with no proper superset of the same support.</summary>
    Closed,

    /// <summary>Frequent itemsets with no frequent proper superset.</summary>
    Maximal,
}

/// <param name="MinimumSupport">The least support of a frequent itemset.</param>
/// <param name="MaxLength">At most this many items per itemset. Closed and maximal are judged against all supersets, so with
/// a bound they are the closed (maximal) itemsets that have at most <c>MaxLength</c> items.</param>
/// <param name="Kind">All, closed or maximal itemsets.</param>
/// <param name="MaxDegreeOfParallelism">Threads for the top-level conditional trees; −1 for every core.</param>
public sealed record ItemsetMiningOptions(
    MinimumSupport MinimumSupport, int MaxLength = int.MaxValue, ItemsetKind Kind = ItemsetKind.All, int MaxDegreeOfParallelism = -1);
