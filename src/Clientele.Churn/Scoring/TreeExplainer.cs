using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Clientele.Churn.Scoring;

/// <summary>
/// Exact interventional Shapley values over the seven fields: v(S) is the mean probability when the fields in S come from the
/// customer and the rest from each background row. Instead of scoring all 2^7 × background mixed rows, each tree is walked
/// once per distinct way the background rows go through it and way the customer goes through it (kept per model, so after
/// the first customers explanations walk no tree): where customer and row go the same way the path needs nothing, where
/// they part it needs the field in S (customer's way) or out of S (row's way). Per background row the reachable leaves are
/// summed by what they need, and only then spread over the coalitions that allow them.
/// </summary>
internal sealed class TreeExplainer
{
    private static readonly int FieldCount = ChurnFeatures.Names.Count;
    private static readonly int Everyone = (1 << FieldCount) - 1;
    private static readonly int KeyCount = 1 << (2 * FieldCount);
    // A field is needed, forbidden or free: at most 3^7 keys are distinct.
    private static readonly int DistinctKeys = (int)Math.Pow(3, FieldCount);
    private static readonly double[] WeightBySize = Enumerable.Range(0, FieldCount)
        .Select(size => Factorial(size) * Factorial(FieldCount - size - 1) / Factorial(FieldCount)).ToArray();

    // Bounds the memory of models with big trees (8 leaves give at most 128 ways).
    private const int WaysKeptPerTree = 256;
    private const int IndexedSplits = 10;

    private readonly TreeEnsemble ensemble;
    private readonly int rows;
    // Blocks of rows are padded to whole vectors, so the coalition phase adds them without a remainder.
    private readonly int stride;
    // Per tree: the distinct direction masks of the background rows.
    private readonly ulong[][] pathways;
    // The background rows tree by tree (rows entries each), grouped by the pathway they take; pathway p of tree t owns
    // rowsByPathway[rowBounds[firstBound[t] + p] .. rowBounds[firstBound[t] + p + 1]). Flat, so an explanation reads few objects.
    private readonly int[] rowsByPathway;
    private readonly int[] rowBounds;
    private readonly int[] firstBound;
    // Per tree: the leaves every pathway reaches for a customer going a given way (its direction mask), worked out the first
    // time a customer goes that way. A tree of 8 leaves has at most 128 ways, so this stays small and explanations stop walking trees.
    // Small trees index their ways in an array (a hash lookup per tree was a sixth of an explanation); big ones use a dictionary.
    private readonly TreeReaches?[]?[] reachesAt;
    private readonly ConcurrentDictionary<ulong, TreeReaches>[] reachesByWay;

    public TreeExplainer(TreeEnsemble ensemble, IReadOnlyList<ChurnFeatures> background)
    {
        this.ensemble = ensemble;
        rows = background.Count;
        stride = (rows + Vector512<double>.Count - 1) / Vector512<double>.Count * Vector512<double>.Count;
        var width = ChurnPipeline.FeatureColumns.Length;
        var features = new float[rows * width];
        for (var row = 0; row < rows; row++)
        {
            ChurnPipeline.Featurize(background[row], features.AsSpan(row * width, width));
        }
        pathways = new ulong[ensemble.Trees.Count][];
        rowsByPathway = new int[ensemble.Trees.Count * rows];
        var bounds = new List<int>();
        firstBound = new int[ensemble.Trees.Count];
        for (var tree = 0; tree < ensemble.Trees.Count; tree++)
        {
            var distinct = new List<ulong>();
            var rowsOf = new List<List<int>>();
            for (var row = 0; row < rows; row++)
            {
                var directions = ensemble.Trees[tree].Directions(features.AsSpan(row * width, width));
                var index = distinct.IndexOf(directions);
                if (index < 0)
                {
                    index = distinct.Count;
                    distinct.Add(directions);
                    rowsOf.Add([]);
                }
                rowsOf[index].Add(row);
            }
            pathways[tree] = [.. distinct];
            firstBound[tree] = bounds.Count;
            var next = tree * rows;
            foreach (var list in rowsOf)
            {
                bounds.Add(next);
                list.CopyTo(rowsByPathway, next);
                next += list.Count;
            }
            bounds.Add(next);
        }
        rowBounds = [.. bounds];
        reachesAt = ensemble.Trees.Select(tree => tree.Splits <= IndexedSplits ? new TreeReaches?[1 << tree.Splits] : null).ToArray();
        reachesByWay = Enumerable.Range(0, ensemble.Trees.Count).Select(_ => new ConcurrentDictionary<ulong, TreeReaches>()).ToArray();
    }

    public Explanation Explain(ChurnFeatures customer)
    {
        Span<float> own = stackalloc float[ChurnPipeline.FeatureColumns.Length];
        ChurnPipeline.Featurize(customer, own);
        // Leaf values summed per background row by what they need of the coalition: the (Need, Forbid) keys this customer's
        // leaves use get dense ids as they turn up, and sums holds one block of rows per id.
        var idOf = ArrayPool<int>.Shared.Rent(KeyCount);
        var sums = ArrayPool<double>.Shared.Rent(DistinctKeys * stride);
        var margins = ArrayPool<double>.Shared.Rent((Everyone + 1) * stride);
        var keyOfId = new List<int>();
        var shared = new double[stride];
        var worth = new double[Everyone + 1];
        try
        {
            shared.AsSpan(0, rows).Fill(ensemble.Bias);
            // Tree by tree, a pathway's leaves are added to every row that takes it, so each tree's leaves are read once.
            for (var tree = 0; tree < pathways.Length; tree++)
            {
                var reaches = ReachesOf(tree, ensemble.Trees[tree].Directions(own));
                var bound = firstBound[tree];
                for (var pathway = 0; pathway < pathways[tree].Length; pathway++)
                {
                    var rowsOf = rowsByPathway.AsSpan(rowBounds[bound + pathway], rowBounds[bound + pathway + 1] - rowBounds[bound + pathway]);
                    var value = reaches.Shared[pathway];
                    foreach (var row in rowsOf)
                    {
                        shared[row] += value;
                    }
                    for (var index = reaches.Offsets[pathway]; index < reaches.Offsets[pathway + 1]; index++)
                    {
                        var key = reaches.Keys[index];
                        // The rented array is not cleared: an id is valid when it points back at its key.
                        var id = idOf[key];
                        if ((uint)id >= (uint)keyOfId.Count || keyOfId[id] != key)
                        {
                            id = idOf[key] = keyOfId.Count;
                            keyOfId.Add(key);
                            Array.Clear(sums, id * stride, stride);
                        }
                        var block = id * stride;
                        var leaf = reaches.Values[index];
                        foreach (var row in rowsOf)
                        {
                            sums[block + row] += leaf;
                        }
                    }
                }
            }
            // Margins coalition by coalition, each a block of rows: a key's sums are added to every coalition that holds its Need and
            // none of its Forbid (the free fields' subsets enumerated as submasks) as one vector add over the rows. Per row and
            // coalition the keys are still added in the same order, so the values do not depend on this layout.
            for (var coalition = 0; coalition <= Everyone; coalition++)
            {
                shared.CopyTo(margins, coalition * stride);
            }
            for (var id = 0; id < keyOfId.Count; id++)
            {
                var key = keyOfId[id];
                var need = key >> FieldCount;
                var free = Everyone & ~(need | (key & Everyone));
                var values = sums.AsSpan(id * stride, stride);
                for (var subset = free; ; subset = (subset - 1) & free)
                {
                    AddInto(margins.AsSpan((need | subset) * stride, stride), values);
                    if (subset == 0)
                    {
                        break;
                    }
                }
            }
            for (var coalition = 0; coalition <= Everyone; coalition++)
            {
                foreach (var margin in margins.AsSpan(coalition * stride, rows))
                {
                    worth[coalition] += ensemble.Probability(margin);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(idOf);
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<double>.Shared.Return(margins);
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

    private TreeReaches ReachesOf(int tree, ulong way)
    {
        var indexed = reachesAt[tree];
        if (indexed is not null && Volatile.Read(ref indexed[way]) is { } found)
        {
            return found;
        }
        if (indexed is null && reachesByWay[tree].TryGetValue(way, out var known))
        {
            return known;
        }
        var leaves = new List<TreeEnsemble.Reach>();
        var shared = new double[pathways[tree].Length];
        var offsets = new int[pathways[tree].Length + 1];
        var keys = new List<int>();
        var values = new List<double>();
        for (var pathway = 0; pathway < pathways[tree].Length; pathway++)
        {
            leaves.Clear();
            ensemble.Trees[tree].Reach(way, pathways[tree][pathway], leaves);
            offsets[pathway] = keys.Count;
            foreach (var leaf in leaves)
            {
                var key = (leaf.Need << FieldCount) | leaf.Forbid;
                if (key == 0)
                {
                    shared[pathway] += leaf.Value;
                }
                else
                {
                    keys.Add(key);
                    values.Add(leaf.Value);
                }
            }
        }
        offsets[^1] = keys.Count;
        var computed = new TreeReaches([.. keys], [.. values], offsets, shared);
        if (indexed is not null)
        {
            // Two threads may work out the same way at once; both results are equal, so whichever is kept serves.
            Volatile.Write(ref indexed[way], computed);
            return computed;
        }
        return reachesByWay[tree].Count < WaysKeptPerTree ? reachesByWay[tree].GetOrAdd(way, computed) : computed;
    }

    /// <summary>
    /// For one tree and one way a customer goes through it: per background pathway, the sum of the leaves that need nothing of the
    /// coalition (Shared) and the others as (Need, Forbid) keys and values, pathway p owning entries Offsets[p] up to Offsets[p + 1].
    /// </summary>
    private sealed record TreeReaches(int[] Keys, double[] Values, int[] Offsets, double[] Shared);

    // Lengths are whole vectors (stride). Each element gets the same additions in the same order as a scalar loop would give it.
    private static void AddInto(Span<double> target, ReadOnlySpan<double> values)
    {
        ref var into = ref MemoryMarshal.GetReference(target);
        ref var from = ref MemoryMarshal.GetReference(values);
        for (nuint offset = 0; offset < (nuint)target.Length; offset += (nuint)Vector512<double>.Count)
        {
            (Vector512.LoadUnsafe(ref into, offset) + Vector512.LoadUnsafe(ref from, offset)).StoreUnsafe(ref into, offset);
        }
    }

    private static double Factorial(int value) => value <= 1 ? 1 : value * Factorial(value - 1);
}
