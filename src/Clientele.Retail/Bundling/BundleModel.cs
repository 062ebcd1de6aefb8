using Clientele.Retail.Mining;

namespace Clientele.Retail.Bundling;

/// <summary>
/// A trained bundle recommender: co-occurrence counts, learned item vectors with each item's nearest neighbours
/// (precomputed, so a query touches only the basket items' rows), the association rules it was given, and the weights
/// that combine them. Immutable and safe to query from many threads; <see cref="Save"/>/<see cref="Load"/> round-trip it.
/// </summary>
public sealed class BundleModel
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "CLBM"u8.ToArray();

    private readonly int[][] vectorNeighbours;
    private readonly int[] bestSellers;
    private readonly AssociationRule[] rules;
    private readonly int[][] rulesByKeyItem;

    private BundleModel(
        ItemCooccurrence cooccurrence, ItemTransitions transitions, ItemEmbeddings embeddings, int[][] vectorNeighbours, AssociationRule[] rules, BundleOptions options)
    {
        Cooccurrence = cooccurrence;
        Transitions = transitions;
        Embeddings = embeddings;
        this.vectorNeighbours = vectorNeighbours;
        this.rules = rules;
        Options = options;
        bestSellers = Enumerable.Range(0, cooccurrence.ItemCount)
            .Where(item => cooccurrence.CountOf(item) > 0)
            .OrderByDescending(cooccurrence.CountOf).ThenBy(item => item)
            .Take(Math.Max(options.Neighbours, 10)).ToArray();
        rulesByKeyItem = IndexRules(rules, cooccurrence.ItemCount);
    }

    public ItemCooccurrence Cooccurrence { get; }

    public ItemTransitions Transitions { get; }

    public ItemEmbeddings Embeddings { get; }

    public BundleOptions Options { get; }

    public BundleWeights Weights => Options.Weights;

    public int ItemCount => Cooccurrence.ItemCount;

    public IReadOnlyList<AssociationRule> Rules => rules;

    /// <summary>Learns from <paramref name="baskets"/> (item ids 0..<paramref name="itemCount"/>−1; repeats count once) and keeps <paramref name="rules"/> (any antecedent length) as evidence and signal.</summary>
    public static BundleModel Train(IReadOnlyList<int[]> baskets, int itemCount, IReadOnlyList<AssociationRule>? rules = null, BundleOptions? options = null)
    {
        options ??= new BundleOptions();
        Validate(options);
        var cooccurrence = ItemCooccurrence.Count(baskets, itemCount);
        var embeddings = ItemEmbeddings.Train(cooccurrence, options.Dimensions, options.Seed);
        var neighbours = NearestByVector(cooccurrence, embeddings, options.Neighbours);
        var transitions = ItemTransitions.Count(baskets, itemCount);
        return new BundleModel(cooccurrence, transitions, embeddings, neighbours, CheckRules(rules ?? [], itemCount), options);
    }

    public BundleModel WithWeights(BundleWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        return new BundleModel(Cooccurrence, Transitions, Embeddings, vectorNeighbours, rules, Options with { Weights = weights });
    }

    public BundleModel WithRules(IReadOnlyList<AssociationRule> newRules) =>
        new(Cooccurrence, Transitions, Embeddings, vectorNeighbours, CheckRules(newRules, ItemCount), Options);

    /// <summary>
    /// The <paramref name="top"/> items to add to <paramref name="basket"/>, best first. Unknown ids and repeats are
    /// ignored; with no known item left the answer is the best sellers. Items already in the basket are never proposed.
    /// </summary>
    public IReadOnlyList<BundleRecommendation> Recommend(IEnumerable<int> basket, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(basket);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 0);
        var known = KnownItems(basket);
        var candidates = Score(known);
        var ranked = Rank(candidates, Weights, top);
        var result = new List<BundleRecommendation>(ranked.Length);
        foreach (var index in ranked)
        {
            var item = candidates.Items[index];
            var parts = candidates.PartsAt(index);
            result.Add(new BundleRecommendation(
                item, result.Count + 1, Weights.Combine(parts), parts, FiringRules(known, item), Pairs(known, item)));
        }
        return result;
    }

    internal int[] KnownItems(IEnumerable<int> basket) =>
        basket.Where(item => Cooccurrence.IsKnown(item) && Cooccurrence.CountOf(item) > 0).Distinct().ToArray();

    /// <summary>Every item worth ranking for the basket, with its signals.</summary>
    internal CandidateScores Score(int[] known)
    {
        var itemCount = ItemCount;
        var inBasket = new bool[itemCount];
        foreach (var item in known)
        {
            inBasket[item] = true;
        }
        var isCandidate = new bool[itemCount];
        var candidates = new List<int>();
        void Consider(int item)
        {
            if (!inBasket[item] && !isCandidate[item] && Cooccurrence.CountOf(item) > 0)
            {
                isCandidate[item] = true;
                candidates.Add(item);
            }
        }

        var together = new double[itemCount];
        var afterLast = new double[itemCount];
        foreach (var item in known)
        {
            var partners = Cooccurrence.PartnersOf(item);
            var counts = Cooccurrence.PairCountsOf(item);
            var laterCounts = Cooccurrence.LaterCountsOf(item);
            var share = 1.0 / (Cooccurrence.CountOf(item) * (double)known.Length);
            for (var index = 0; index < partners.Length; index++)
            {
                together[partners[index]] += counts[index] * share;
                if (item == known[^1])
                {
                    afterLast[partners[index]] = laterCounts[index] / (double)Cooccurrence.CountOf(item);
                }
                Consider(partners[index]);
            }
            foreach (var neighbour in vectorNeighbours[item])
            {
                Consider(neighbour);
            }
        }
        foreach (var item in bestSellers)
        {
            Consider(item);
        }
        var last = known.Length > 0 ? known[^1] : -1;
        if (last >= 0)
        {
            foreach (var next in Transitions.SuccessorsOf(last))
            {
                Consider(next);
            }
        }

        var ruleScores = new double[itemCount];
        foreach (var index in FiringRuleIndexes(known, inBasket))
        {
            var rule = rules[index];
            foreach (var item in rule.Consequent)
            {
                if (!inBasket[item] && Cooccurrence.CountOf(item) > 0)
                {
                    ruleScores[item] = Math.Max(ruleScores[item], rule.Confidence);
                    Consider(item);
                }
            }
        }

        var centre = new float[Embeddings.Dimensions];
        foreach (var item in known)
        {
            var vector = Embeddings.Of(item);
            for (var dimension = 0; dimension < centre.Length; dimension++)
            {
                centre[dimension] += vector[dimension] / known.Length;
            }
        }

        var scores = new CandidateScores(candidates.Count);
        for (var index = 0; index < candidates.Count; index++)
        {
            var item = candidates[index];
            var parts = scores.PartsOf(index);
            scores.Items[index] = item;
            parts[CandidateScores.Rules] = ruleScores[item];
            parts[CandidateScores.Cooccurrence] = together[item];
            parts[CandidateScores.Embedding] = known.Length == 0 ? 0 : Math.Clamp(ItemEmbeddings.Dot(Embeddings.Of(item), centre), 0, 1);
            parts[CandidateScores.Popularity] = (double)Cooccurrence.CountOf(item) / Cooccurrence.BasketCount;
            parts[CandidateScores.Sequence] = Transitions.Probability(last, item);
            parts[CandidateScores.Follows] = afterLast[item];
        }
        return scores;
    }

    /// <summary>Indexes of the best <paramref name="top"/> candidates: score, then support, then the lower id.</summary>
    internal static int[] Rank(CandidateScores candidates, BundleWeights weights, int top)
    {
        var combined = new double[candidates.Items.Length];
        for (var index = 0; index < combined.Length; index++)
        {
            combined[index] = weights.Combine(candidates.PartsOf(index));
        }
        return Enumerable.Range(0, combined.Length)
            .OrderByDescending(index => combined[index])
            .ThenByDescending(candidates.PopularityAt)
            .ThenBy(index => candidates.Items[index])
            .Take(top).ToArray();
    }

    private IEnumerable<int> FiringRuleIndexes(int[] known, bool[] inBasket)
    {
        foreach (var item in known)
        {
            foreach (var index in rulesByKeyItem[item])
            {
                var rule = rules[index];
                if (rule.Antecedent.All(antecedent => inBasket[antecedent]) && !rule.Consequent.All(consequent => inBasket[consequent]))
                {
                    yield return index;
                }
            }
        }
    }

    private List<AssociationRule> FiringRules(int[] known, int item)
    {
        var inBasket = new bool[ItemCount];
        foreach (var basketItem in known)
        {
            inBasket[basketItem] = true;
        }
        return FiringRuleIndexes(known, inBasket)
            .Select(index => rules[index])
            .Where(rule => rule.Consequent.Contains(item))
            .OrderByDescending(rule => rule.Confidence).ThenByDescending(rule => rule.Lift)
            .ToList();
    }

    private List<PairEvidence> Pairs(int[] known, int item) =>
        known.Select(basketItem => new PairEvidence(
                basketItem, Cooccurrence.CountOf(basketItem, item), Cooccurrence.Lift(basketItem, item), Cooccurrence.Confidence(basketItem, item)))
            .Where(pair => pair.Together > 0)
            .OrderByDescending(pair => pair.Together).ThenBy(pair => pair.BasketItem)
            .ToList();

    private static int[][] NearestByVector(ItemCooccurrence cooccurrence, ItemEmbeddings embeddings, int neighbours)
    {
        var itemCount = cooccurrence.ItemCount;
        var sold = Enumerable.Range(0, itemCount).Where(item => cooccurrence.CountOf(item) > 0).ToArray();
        var result = new int[itemCount][];
        Parallel.For(0, itemCount, item =>
        {
            if (cooccurrence.CountOf(item) == 0)
            {
                result[item] = [];
                return;
            }
            var vector = embeddings.Of(item);
            var best = new PriorityQueue<int, double>();
            foreach (var other in sold)
            {
                if (other == item)
                {
                    continue;
                }
                var similarity = ItemEmbeddings.Dot(vector, embeddings.Of(other));
                if (similarity <= 0)
                {
                    continue;
                }
                if (best.Count < neighbours)
                {
                    best.Enqueue(other, similarity);
                }
                else if (best.TryPeek(out _, out var worst) && similarity > worst)
                {
                    best.EnqueueDequeue(other, similarity);
                }
            }
            var kept = new int[best.Count];
            for (var index = kept.Length - 1; index >= 0; index--)
            {
                kept[index] = best.Dequeue();
            }
            result[item] = kept;
        });
        return result;
    }

    private static int[][] IndexRules(AssociationRule[] rules, int itemCount)
    {
        var byKey = Enumerable.Range(0, itemCount).Select(_ => new List<int>()).ToArray();
        for (var index = 0; index < rules.Length; index++)
        {
            byKey[rules[index].Antecedent.Min()].Add(index);
        }
        return byKey.Select(list => list.ToArray()).ToArray();
    }

    private static AssociationRule[] CheckRules(IReadOnlyList<AssociationRule> rules, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule);
            if (rule.Antecedent is not { Length: > 0 } || rule.Consequent is not { Length: > 0 }
                || rule.Antecedent.Concat(rule.Consequent).Any(item => item < 0 || item >= itemCount))
            {
                throw new ArgumentException($"A rule needs a non-empty antecedent and consequent of item ids 0 to {itemCount - 1}.", nameof(rules));
            }
        }
        return [.. rules];
    }

    private static void Validate(BundleOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Dimensions, 1, nameof(options.Dimensions));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Neighbours, 0, nameof(options.Neighbours));
        ArgumentNullException.ThrowIfNull(options.Weights);
        options.Weights.Validate();
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Options.Dimensions);
        writer.Write(Options.Neighbours);
        writer.Write(Options.Seed);
        writer.Write(Weights.Rules);
        writer.Write(Weights.Cooccurrence);
        writer.Write(Weights.Embedding);
        writer.Write(Weights.Popularity);
        writer.Write(Weights.Sequence);
        writer.Write(Weights.Follows);
        Cooccurrence.Write(writer);
        Transitions.Write(writer);
        Embeddings.Write(writer);
        writer.Write(vectorNeighbours.Length);
        foreach (var list in vectorNeighbours)
        {
            ModelFormat.WriteInts(writer, list);
        }
        writer.Write(rules.Length);
        foreach (var rule in rules)
        {
            ModelFormat.WriteInts(writer, rule.Antecedent);
            ModelFormat.WriteInts(writer, rule.Consequent);
            writer.Write(rule.Support);
            writer.Write(rule.Confidence);
            writer.Write(rule.Lift);
            writer.Write(rule.Leverage);
            writer.Write(rule.Conviction);
        }
    }

    public static BundleModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Not a bundle model of format version " + FormatVersion + ".");
            }
            var options = new BundleOptions
            {
                Dimensions = reader.ReadInt32(),
                Neighbours = reader.ReadInt32(),
                Seed = reader.ReadInt32(),
                Weights = new BundleWeights(
                    reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()),
            };
            Validate(options);
            var cooccurrence = ItemCooccurrence.Read(reader);
            var transitions = ItemTransitions.Read(reader);
            var embeddings = ItemEmbeddings.Read(reader);
            var neighbours = new int[ModelFormat.ReadLength(reader)][];
            for (var item = 0; item < neighbours.Length; item++)
            {
                neighbours[item] = ModelFormat.ReadInts(reader);
            }
            var rules = new AssociationRule[ModelFormat.ReadLength(reader)];
            for (var index = 0; index < rules.Length; index++)
            {
                rules[index] = new AssociationRule(ModelFormat.ReadInts(reader), ModelFormat.ReadInts(reader),
                    reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
            }
            var itemCount = cooccurrence.ItemCount;
            if (embeddings.ItemCount != itemCount || transitions.ItemCount != itemCount || neighbours.Length != itemCount
                || neighbours.Any(list => list.Any(item => item < 0 || item >= itemCount)))
            {
                throw new InvalidDataException("The parts of the bundle model disagree on the number of items.");
            }
            return new BundleModel(cooccurrence, transitions, embeddings, neighbours, CheckRules(rules, itemCount), options);
        }
        catch (Exception error) when (error is EndOfStreamException or ArgumentException)
        {
            throw new InvalidDataException("The bundle model is truncated or corrupt.", error);
        }
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        return buffer.ToArray();
    }

    public static BundleModel FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var buffer = new MemoryStream(bytes, writable: false);
        return Load(buffer);
    }
}

internal sealed class CandidateScores(int count)
{
    public const int Rules = 0;
    public const int Cooccurrence = 1;
    public const int Embedding = 2;
    public const int Popularity = 3;
    public const int Sequence = 4;
    public const int Follows = 5;

    private readonly double[] parts = new double[count * BundleWeights.Count];

    public int[] Items { get; } = new int[count];

    public Span<double> PartsOf(int index) => parts.AsSpan(index * BundleWeights.Count, BundleWeights.Count);

    public double PopularityAt(int index) => parts[index * BundleWeights.Count + Popularity];

    public BundleScoreParts PartsAt(int index)
    {
        var at = PartsOf(index);
        return new(at[Rules], at[Cooccurrence], at[Embedding], at[Popularity], at[Sequence], at[Follows]);
    }
}
