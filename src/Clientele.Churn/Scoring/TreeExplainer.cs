using System.Buffers;
using System.Numerics;

namespace Clientele.Churn.Scoring;

/// <summary>
/// Exact interventional Shapley values over the seven fields: v(S) is the mean probability when the fields in S come from the
/// customer and the rest from each background row. Instead of scoring all 2^7 × background mixed rows, each tree is walked
/// once per distinct way the background rows go through it (worked out once per model): where customer and row go the same
/// way the path needs nothing, where they part it needs the field in S (customer's way) or out of S (row's way). Per background
/// row the reachable leaves are summed by what they need, and only then spread over the coalitions that allow them.
/// </summary>
internal sealed class TreeExplainer
{
    private static readonly int FieldCount = ChurnFeatures.Names.Count;
    private static readonly int Everyone = (1 << FieldCount) - 1;
    private static readonly double[] WeightBySize = Enumerable.Range(0, FieldCount)
        .Select(size => Factorial(size) * Factorial(FieldCount - size - 1) / Factorial(FieldCount)).ToArray();

    private readonly TreeEnsemble ensemble;
    private readonly int rows;
    // Per tree: the distinct direction masks of the background rows, and each row's index into them.
    private readonly ulong[][] pathways;
    // Per background row and tree: the pathway's index among all trees' pathways, tree 0's first.
    private readonly int[][] pathwayOfRow;
    private readonly int pathwayCount;

    public TreeExplainer(TreeEnsemble ensemble, IReadOnlyList<ChurnFeatures> background)
    {
        this.ensemble = ensemble;
        rows = background.Count;
        var width = ChurnPipeline.FeatureColumns.Length;
        var features = new float[rows * width];
        for (var row = 0; row < rows; row++)
        {
            ChurnPipeline.Featurize(background[row], features.AsSpan(row * width, width));
        }
        pathways = new ulong[ensemble.Trees.Count][];
        pathwayOfRow = Enumerable.Range(0, rows).Select(_ => new int[ensemble.Trees.Count]).ToArray();
        for (var tree = 0; tree < ensemble.Trees.Count; tree++)
        {
            var distinct = new List<ulong>();
            for (var row = 0; row < rows; row++)
            {
                var directions = ensemble.Trees[tree].Directions(features.AsSpan(row * width, width));
                var index = distinct.IndexOf(directions);
                if (index < 0)
                {
                    index = distinct.Count;
                    distinct.Add(directions);
                }
                pathwayOfRow[row][tree] = pathwayCount + index;
            }
            pathways[tree] = [.. distinct];
            pathwayCount += distinct.Count;
        }
    }

    public Explanation Explain(ChurnFeatures customer)
    {
        Span<float> own = stackalloc float[ChurnPipeline.FeatureColumns.Length];
        ChurnPipeline.Featurize(customer, own);
        using var reaches = ReachAll(own);

        var worth = new double[Everyone + 1];
        var margins = new double[Everyone + 1];
        // Leaf values summed by what they need of the coalition (key: Need, Forbid), for one background row at a time; a key
        // belongs to the current row when its stamp is that row's.
        var keys = 1 << (2 * FieldCount);
        var sumOf = ArrayPool<double>.Shared.Rent(keys);
        var stampOf = ArrayPool<int>.Shared.Rent(keys);
        Array.Clear(stampOf, 0, keys);
        var touched = new List<int>();
        try
        {
            for (var row = 0; row < rows; row++)
            {
                var stamp = row + 1;
                var shared = ensemble.Bias;
                touched.Clear();
                foreach (var pathway in pathwayOfRow[row])
                {
                    for (var index = reaches.Offsets[pathway]; index < reaches.Offsets[pathway + 1]; index++)
                    {
                        var key = reaches.Keys[index];
                        if (key == 0)
                        {
                            shared += reaches.Values[index];
                        }
                        else if (stampOf[key] == stamp)
                        {
                            sumOf[key] += reaches.Values[index];
                        }
                        else
                        {
                            stampOf[key] = stamp;
                            sumOf[key] = reaches.Values[index];
                            touched.Add(key);
                        }
                    }
                }
                Array.Fill(margins, shared);
                foreach (var key in touched)
                {
                    // Every coalition that holds Need and none of Forbid; the free fields' subsets enumerated as submasks.
                    var need = key >> FieldCount;
                    var free = Everyone & ~(need | (key & Everyone));
                    var value = sumOf[key];
                    for (var subset = free; ; subset = (subset - 1) & free)
                    {
                        margins[need | subset] += value;
                        if (subset == 0)
                        {
                            break;
                        }
                    }
                }
                for (var coalition = 0; coalition <= Everyone; coalition++)
                {
                    worth[coalition] += ensemble.Probability(margins[coalition]);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sumOf);
            ArrayPool<int>.Shared.Return(stampOf);
        }
        for (var coalition = 0; coalition <= Everyone; coalition++)
        {
            worth[coalition] /= rows;
        }

        var factors = new Factor[FieldCount];
        for (var field = 0; field < FieldCount; field++)
        {
            var bit = 1 << field;
            double contribution = 0;
            for (var coalition = 0; coalition <= Everyone; coalition++)
            {
                if ((coalition & bit) == 0)
                {
                    contribution += WeightBySize[BitOperations.PopCount((uint)coalition)] * (worth[coalition | bit] - worth[coalition]);
                }
            }
            factors[field] = new Factor(ChurnFeatures.Names[field], contribution, FactorDescriptions.Describe(field, customer));
        }
        return new Explanation(worth[Everyone], worth[0], factors);
    }

    /// <summary>
    /// The leaves of every (tree, background pathway) pair as (Need, Forbid) keys and values, flat: pathway p (numbered across
    /// all trees) owns the entries Offsets[p] up to Offsets[p + 1]. The arrays are pooled (a few thousand leaves would otherwise
    /// land on the large-object heap every call); the caller returns them.
    /// </summary>
    private Reaches ReachAll(ReadOnlySpan<float> own)
    {
        var offsets = ArrayPool<int>.Shared.Rent(pathwayCount + 1);
        var leaves = Walked ??= new List<TreeEnsemble.Reach>();
        leaves.Clear();
        var pathway = 0;
        for (var tree = 0; tree < pathways.Length; tree++)
        {
            var directions = ensemble.Trees[tree].Directions(own);
            foreach (var other in pathways[tree])
            {
                offsets[pathway++] = leaves.Count;
                ensemble.Trees[tree].Reach(directions, other, leaves);
            }
        }
        offsets[pathwayCount] = leaves.Count;
        var keys = ArrayPool<int>.Shared.Rent(leaves.Count);
        var values = ArrayPool<double>.Shared.Rent(leaves.Count);
        for (var index = 0; index < leaves.Count; index++)
        {
            keys[index] = (leaves[index].Need << FieldCount) | leaves[index].Forbid;
            values[index] = leaves[index].Value;
        }
        return new Reaches(keys, values, offsets);
    }

    [ThreadStatic]
    private static List<TreeEnsemble.Reach>? Walked;

    private readonly record struct Reaches(int[] Keys, double[] Values, int[] Offsets) : IDisposable
    {
        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(Keys);
            ArrayPool<double>.Shared.Return(Values);
            ArrayPool<int>.Shared.Return(Offsets);
        }
    }

    private static double Factorial(int value) => value <= 1 ? 1 : value * Factorial(value - 1);
}
