using Clientele.Retail.Mining;

namespace Clientele.Retail.Bundling;

/// <summary>How the six signals of <see cref="BundleScoreParts"/> add up to one score; each signal lies in [0, 1].</summary>
public sealed record BundleWeights(double Rules, double Cooccurrence, double Embedding, double Popularity, double Sequence = 0, double Follows = 0)
{
    internal const int Count = 6;

    /// <summary>Untuned weights for a model trained without a validation split; <see cref="BundleEvaluation.TuneWeights"/> finds better ones.</summary>
    public static BundleWeights Default { get; } = new(0.5, 1, 0.1, 0, 0.25, 0.25);

    public double Combine(BundleScoreParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Combine([parts.Rules, parts.Cooccurrence, parts.Embedding, parts.Popularity, parts.Sequence, parts.Follows]);
    }

    internal double[] ToArray() => [Rules, Cooccurrence, Embedding, Popularity, Sequence, Follows];

    internal static BundleWeights FromArray(double[] weights) => new(weights[0], weights[1], weights[2], weights[3], weights[4], weights[5]);

    internal double Combine(ReadOnlySpan<double> parts)
    {
        var weights = ToArray();
        double sum = 0;
        for (var index = 0; index < Count; index++)
        {
            sum += weights[index] * parts[index];
        }
        return sum;
    }

    internal void Validate()
    {
        if (ToArray().Any(weight => weight < 0 || !double.IsFinite(weight)))
        {
            throw new ArgumentOutOfRangeException(nameof(BundleWeights), this, "Weights are finite and not negative.");
        }
    }
}

public sealed record BundleOptions
{
    /// <summary>Length of the learned item vectors (capped at the number of items).</summary>
    public int Dimensions { get; init; } = 48;

    /// <summary>Nearest items kept per item by vector similarity, and best sellers always considered.</summary>
    public int Neighbours { get; init; } = 50;

    public int Seed { get; init; } = 14;

    public BundleWeights Weights { get; init; } = BundleWeights.Default;
}

/// <summary>
/// The signals behind one recommendation: <see cref="Rules"/> the best confidence of a firing rule that names the item,
/// <see cref="Cooccurrence"/> the mean over basket items of P(item | basket item), <see cref="Embedding"/> the mean cosine
/// of the item's learned vector with the basket items' (0 when negative), <see cref="Popularity"/> the item's support,
/// <see cref="Sequence"/> P(next listed item | the basket's last item) and <see cref="Follows"/> P(item listed anywhere after
/// the basket's last item | that item), both from the order of the training baskets' lines (receipt or cart order).
/// </summary>
public sealed record BundleScoreParts(double Rules, double Cooccurrence, double Embedding, double Popularity, double Sequence, double Follows);

/// <summary>How an item went with one basket item in training: baskets holding both, lift, and P(item | basket item).</summary>
public sealed record PairEvidence(int BasketItem, int Together, double Lift, double Confidence);

/// <summary>One recommended item (rank 1 is best) with its evidence: rules whose antecedent lies in the basket and whose consequent names it, and its pairs with each basket item.</summary>
public sealed record BundleRecommendation(
    int Item, int Rank, double Score, BundleScoreParts Parts, IReadOnlyList<AssociationRule> Rules, IReadOnlyList<PairEvidence> Pairs);
