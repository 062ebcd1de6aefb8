using System.Diagnostics;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Bundling;

/// <summary>Which items of a test basket are hidden: the last one, or the last half (⌊n/2⌋ items).</summary>
public enum HoldOut
{
    LastItem,
    LastHalf,
}

/// <summary>A test case: the items shown to the recommender and the items it should find.</summary>
public sealed record HeldOutBasket(int[] Query, int[] Hidden);

/// <summary>
/// Over <see cref="Cases"/> baskets: <see cref="HitRate"/> the share whose top-k list holds a hidden item,
/// <see cref="Recall"/> the mean share of hidden items found (equal to the hit rate when one item is hidden).
/// </summary>
public sealed record RankingQuality(int Cases, double HitRate, double Recall);

public sealed record BundleEvaluationOptions
{
    /// <summary>The last share of the baskets (in file order) is the test set.</summary>
    public double TestShare { get; init; } = 0.2;

    /// <summary>The last share of the training baskets tunes the weights; the final model then learns from all training baskets.</summary>
    public double ValidationShare { get; init; } = 0.1;

    public int TopK { get; init; } = 10;

    /// <summary>False keeps the order signals (<see cref="BundleWeights.Sequence"/>, <see cref="BundleWeights.Follows"/>) at 0: the model then treats a basket as a set.</summary>
    public bool UseOrder { get; init; } = true;

    public BundleOptions Model { get; init; } = new();
}

/// <summary>Tuned weights and the hit rate they reach on the validation cases.</summary>
public sealed record TunedWeights(BundleWeights Weights, double ValidationHitRate);

public sealed record BundleEvaluationReport(
    int TrainBaskets,
    int ValidationCases,
    double ValidationHitRate,
    int ItemCount,
    int RuleCount,
    BundleWeights Weights,
    RankingQuality Model,
    RankingQuality Popularity,
    RankingQuality ModelLastHalf,
    RankingQuality PopularityLastHalf,
    TimeSpan MiningTime,
    TimeSpan TrainingTime,
    TimeSpan TuningTime)
{
    public double HitRateRatio => Popularity.HitRate == 0 ? double.PositiveInfinity : Model.HitRate / Popularity.HitRate;
}

/// <summary>Offline evaluation of the bundle recommender against a popularity baseline, with a deterministic split.</summary>
public static class BundleEvaluation
{
    public static (IReadOnlyList<int[]> Train, IReadOnlyList<int[]> Test) SplitLast(IReadOnlyList<int[]> baskets, double testShare)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        ArgumentOutOfRangeException.ThrowIfLessThan(testShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testShare, 1);
        var trainCount = baskets.Count - (int)Math.Round(baskets.Count * testShare);
        return (baskets.Take(trainCount).ToArray(), baskets.Skip(trainCount).ToArray());
    }

    /// <summary>Test cases from the baskets with at least two distinct items (repeats dropped, first occurrence kept).</summary>
    public static IReadOnlyList<HeldOutBasket> HoldOutCases(IEnumerable<int[]> baskets, HoldOut holdOut)
    {
        ArgumentNullException.ThrowIfNull(baskets);
        var cases = new List<HeldOutBasket>();
        foreach (var basket in baskets)
        {
            var distinct = basket.Distinct().ToArray();
            if (distinct.Length < 2)
            {
                continue;
            }
            var hidden = holdOut == HoldOut.LastItem ? 1 : distinct.Length / 2;
            cases.Add(new HeldOutBasket(distinct[..^hidden], distinct[^hidden..]));
        }
        return cases;
    }

    public static RankingQuality Measure(IReadOnlyList<HeldOutBasket> cases, Func<int[], IReadOnlyList<int>> recommend, int topK = 10)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(recommend);
        var hits = 0;
        double recall = 0;
        foreach (var testCase in cases)
        {
            var found = recommend(testCase.Query).Take(topK).Count(testCase.Hidden.Contains);
            hits += found > 0 ? 1 : 0;
            recall += (double)found / testCase.Hidden.Length;
        }
        return cases.Count == 0 ? new RankingQuality(0, 0, 0) : new RankingQuality(cases.Count, (double)hits / cases.Count, recall / cases.Count);
    }

    /// <summary>The baseline: the items in most training baskets, best first, less those already in the basket.</summary>
    public static Func<int[], IReadOnlyList<int>> PopularityBaseline(IReadOnlyList<int[]> train, int itemCount, int topK = 10)
    {
        var counts = new int[itemCount];
        foreach (var basket in train)
        {
            foreach (var item in ItemCooccurrence.Distinct(basket, itemCount))
            {
                counts[item]++;
            }
        }
        var order = Enumerable.Range(0, itemCount).Where(item => counts[item] > 0)
            .OrderByDescending(item => counts[item]).ThenBy(item => item).ToArray();
        return query => order.Where(item => !query.Contains(item)).Take(topK).ToArray();
    }

    public static Func<int[], IReadOnlyList<int>> Recommender(BundleModel model, int topK = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        return query => model.Recommend(query, topK).Select(recommendation => recommendation.Item).ToArray();
    }

    /// <summary>The values each weight may take while tuning.</summary>
    public static IReadOnlyList<double> WeightSteps { get; } = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 4, 8, 16];

    /// <summary>
    /// The weights with the best hit rate on <paramref name="validation"/> (leave-last-out cases), by coordinate ascent
    /// from <paramref name="start"/> over <see cref="WeightSteps"/>: one weight at a time, rounds until none improves.
    /// </summary>
    public static TunedWeights TuneWeights(
        BundleModel model, IReadOnlyList<HeldOutBasket> validation, int topK = 10, BundleWeights? start = null, bool useOrder = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(validation);
        var scored = validation
            .Select(testCase => model.Score(model.KnownItems(testCase.Query)) is var scores
                ? (Scores: scores, At: Array.IndexOf(scores.Items, testCase.Hidden[0]))
                : default)
            .Where(testCase => testCase.At >= 0)
            .ToArray();
        int Hits(double[] weights) => scored.Count(testCase => RankOf(testCase.Scores, weights, testCase.At) < topK);

        var current = (start ?? BundleWeights.Default).ToArray();
        var signals = Enumerable.Range(0, BundleWeights.Count).ToList();
        if (!useOrder)
        {
            current[CandidateScores.Sequence] = 0;
            current[CandidateScores.Follows] = 0;
            signals.Remove(CandidateScores.Sequence);
            signals.Remove(CandidateScores.Follows);
        }
        var best = Hits(current);
        for (var round = 0; round < 5; round++)
        {
            var improved = false;
            foreach (var signal in signals)
            {
                var trials = WeightSteps.Select(step =>
                {
                    var trial = (double[])current.Clone();
                    trial[signal] = step;
                    return trial;
                }).ToArray();
                var hits = new int[trials.Length];
                Parallel.For(0, trials.Length, index => hits[index] = Hits(trials[index]));
                for (var index = 0; index < trials.Length; index++)
                {
                    if (hits[index] > best)
                    {
                        best = hits[index];
                        current = trials[index];
                        improved = true;
                    }
                }
            }
            if (!improved)
            {
                break;
            }
        }
        return new TunedWeights(BundleWeights.FromArray(current), validation.Count == 0 ? 0 : (double)best / validation.Count);
    }

    /// <summary>The protocol of docs/performance.md: split, tune on validation, retrain on all training baskets, test against popularity.</summary>
    public static BundleEvaluationReport Run(
        IReadOnlyList<int[]> baskets, int itemCount, Func<IReadOnlyList<int[]>, IReadOnlyList<AssociationRule>>? mineRules = null, BundleEvaluationOptions? options = null)
    {
        options ??= new BundleEvaluationOptions();
        mineRules ??= _ => [];
        var (train, test) = SplitLast(baskets, options.TestShare);
        var (fit, validation) = SplitLast(train, options.ValidationShare);
        var validationCases = HoldOutCases(validation, HoldOut.LastItem);

        var clock = Stopwatch.StartNew();
        var tuningModel = BundleModel.Train(fit, itemCount, mineRules(fit), options.Model);
        var tuned = TuneWeights(tuningModel, validationCases, options.TopK, useOrder: options.UseOrder);
        var weights = tuned.Weights;
        var tuningTime = clock.Elapsed;

        clock.Restart();
        var rules = mineRules(train);
        var miningTime = clock.Elapsed;
        clock.Restart();
        var model = BundleModel.Train(train, itemCount, rules, options.Model with { Weights = weights });
        var trainingTime = clock.Elapsed;

        var popularity = PopularityBaseline(train, itemCount, options.TopK);
        var ours = Recommender(model, options.TopK);
        var lastItem = HoldOutCases(test, HoldOut.LastItem);
        var lastHalf = HoldOutCases(test, HoldOut.LastHalf);
        return new BundleEvaluationReport(
            train.Count, validationCases.Count, tuned.ValidationHitRate, itemCount, rules.Count, weights,
            Measure(lastItem, ours, options.TopK), Measure(lastItem, popularity, options.TopK),
            Measure(lastHalf, ours, options.TopK), Measure(lastHalf, popularity, options.TopK),
            miningTime, trainingTime, tuningTime);
    }

    /// <summary>How many candidates rank above the one at <paramref name="at"/>, by the order of <see cref="BundleModel.Rank"/>.</summary>
    private static int RankOf(CandidateScores scores, double[] weights, int at)
    {
        double Combined(int index)
        {
            var parts = scores.PartsOf(index);
            double sum = 0;
            for (var signal = 0; signal < weights.Length; signal++)
            {
                sum += weights[signal] * parts[signal];
            }
            return sum;
        }

        var target = Combined(at);
        var popularity = scores.PopularityAt(at);
        var above = 0;
        for (var index = 0; index < scores.Items.Length; index++)
        {
            var score = Combined(index);
            if (score > target || (score == target && (scores.PopularityAt(index) > popularity
                || (scores.PopularityAt(index) == popularity && scores.Items[index] < scores.Items[at]))))
            {
                above++;
            }
        }
        return above;
    }
}
