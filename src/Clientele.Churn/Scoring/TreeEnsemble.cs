using System.Numerics;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace Clientele.Churn.Scoring;

/// <summary>
/// The trained FastTree trees and Platt calibration read out of the ML.NET model and walked in plain arrays. ML.NET's
/// <c>Transform</c> costs about 4 µs a row and a fixed overhead a call, which made a single prediction and its 128 × background
/// Shapley coalitions slow; walking the same trees gives the same probabilities (to float rounding) without either.
/// </summary>
internal sealed class TreeEnsemble
{
    private static readonly int FieldCount = ChurnFeatures.Names.Count;
    private static readonly int Everyone = (1 << FieldCount) - 1;
    private static readonly double[] WeightBySize = Enumerable.Range(0, FieldCount)
        .Select(size => Factorial(size) * Factorial(FieldCount - size - 1) / Factorial(FieldCount)).ToArray();

    private readonly Tree[] trees;
    private readonly double bias;
    private readonly double slope;
    private readonly double offset;

    private TreeEnsemble(Tree[] trees, double bias, double slope, double offset)
    {
        this.trees = trees;
        this.bias = bias;
        this.slope = slope;
        this.offset = offset;
    }

    public static TreeEnsemble From(ITransformer transformer)
    {
        var last = transformer is IEnumerable<ITransformer> chain ? chain.Last() : transformer;
        var calibrated = (last as IPredictionTransformer<object>)?.Model
            ?? throw new InvalidDataException("The churn model does not end in a prediction transformer.");
        var type = calibrated.GetType();
        // The calibrated wrapper's generic arguments differ between a trained and a loaded model, so its parts are found by name.
        var forest = Property<FastTreeBinaryModelParameters>(calibrated, "SubModel")
            ?? throw new InvalidDataException($"The churn model is {type.Name}, not a calibrated FastTree binary model.");
        var platt = Property<PlattCalibrator>(calibrated, "Calibrator")
            ?? throw new InvalidDataException("The churn model's calibrator is not Platt scaling.");
        var ensemble = forest.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Select((tree, position) => Tree.From(tree, ensemble.TreeWeights[position])).ToArray();
        return new TreeEnsemble(trees, ensemble.Bias, platt.Slope, platt.Offset);
    }

    private static T? Property<T>(object owner, string name) where T : class =>
        owner.GetType().GetProperties().Where(property => property.Name == name).Select(property => property.GetValue(owner)).OfType<T>().FirstOrDefault();

    /// <summary>Probabilities of many customers: tree by tree over all rows, so each tree's nodes stay in cache.</summary>
    public double[] ScoreMany(IReadOnlyList<ChurnFeatures> customers)
    {
        var width = ChurnPipeline.FeatureColumns.Length;
        var features = new float[customers.Count * width];
        var margins = new double[customers.Count];
        for (var row = 0; row < customers.Count; row++)
        {
            ChurnPipeline.Featurize(customers[row], features.AsSpan(row * width, width));
            margins[row] = bias;
        }
        foreach (var tree in trees)
        {
            for (var row = 0; row < margins.Length; row++)
            {
                margins[row] += tree.Output(features.AsSpan(row * width, width));
            }
        }
        for (var row = 0; row < margins.Length; row++)
        {
            margins[row] = Probability(margins[row]);
        }
        return margins;
    }

    public double Score(ChurnFeatures customer)
    {
        Span<float> features = stackalloc float[ChurnPipeline.FeatureColumns.Length];
        ChurnPipeline.Featurize(customer, features);
        var margin = bias;
        foreach (var tree in trees)
        {
            margin += tree.Output(features);
        }
        return Probability(margin);
    }

    /// <summary>
    /// Exact interventional Shapley values over the seven fields: v(S) is the mean probability when the fields in S come from the
    /// customer and the rest from each background row. Instead of scoring all 2^7 × background mixed rows, each tree is walked
    /// once per background row: where customer and row go the same way the path needs nothing, where they part it needs the
    /// field in S (customer's way) or out of S (row's way); each reachable leaf then adds its value to the coalitions that allow it.
    /// </summary>
    public Explanation Explain(ChurnFeatures customer, IReadOnlyList<ChurnFeatures> background)
    {
        var length = ChurnPipeline.FeatureColumns.Length;
        Span<float> own = stackalloc float[length];
        Span<float> other = stackalloc float[length];
        ChurnPipeline.Featurize(customer, own);
        var worth = new double[Everyone + 1];
        var margins = new double[Everyone + 1];
        var leaves = new List<Reach>();
        foreach (var reference in background)
        {
            ChurnPipeline.Featurize(reference, other);
            Array.Fill(margins, 0);
            var shared = bias;
            foreach (var tree in trees)
            {
                leaves.Clear();
                tree.Reach(own, other, leaves);
                if (leaves.Count == 1)
                {
                    shared += leaves[0].Value;
                    continue;
                }
                foreach (var leaf in leaves)
                {
                    // Every coalition that holds Need and none of Forbid; the free fields' subsets enumerated as submasks.
                    var free = Everyone & ~(leaf.Need | leaf.Forbid);
                    for (var subset = free; ; subset = (subset - 1) & free)
                    {
                        margins[leaf.Need | subset] += leaf.Value;
                        if (subset == 0)
                        {
                            break;
                        }
                    }
                }
            }
            for (var coalition = 0; coalition <= Everyone; coalition++)
            {
                worth[coalition] += Probability(shared + margins[coalition]);
            }
        }
        for (var coalition = 0; coalition <= Everyone; coalition++)
        {
            worth[coalition] /= background.Count;
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

    // ML.NET's PlattCalibrator: P = 1 / (1 + exp(slope · margin + offset)), in float as ML.NET returns it.
    private double Probability(double margin) => (float)(1 / (1 + Math.Exp(slope * (float)margin + offset)));

    private static double Factorial(int value) => value <= 1 ? 1 : value * Factorial(value - 1);

    /// <summary>A leaf reachable when mixing a customer with a background row, and the fields it needs in (Need) or out of (Forbid) the coalition.</summary>
    private readonly record struct Reach(double Value, int Need, int Forbid);

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);

    private sealed class Tree(Node[] nodes, double[] leafValue)
    {
        public static Tree From(RegressionTree tree, double weight)
        {
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new InvalidDataException("The churn model has a categorical split; its features are all numeric.");
            }
            var nodes = new Node[tree.LeftChild.Count];
            for (var node = 0; node < nodes.Length; node++)
            {
                nodes[node] = new Node(tree.NumericalSplitFeatureIndexes[node], tree.NumericalSplitThresholds[node], tree.LeftChild[node], tree.RightChild[node]);
            }
            return new Tree(nodes, [.. tree.LeafValues.Select(value => value * weight)]);
        }

        // A child below zero is a leaf: ~child is its index. Values at or below the threshold go left, as in ML.NET.
        public double Output(ReadOnlySpan<float> features)
        {
            var node = nodes.Length == 0 ? -1 : 0;
            while (node >= 0)
            {
                ref readonly var split = ref nodes[node];
                node = features[split.Feature] <= split.Threshold ? split.Left : split.Right;
            }
            return leafValue[~node];
        }

        public void Reach(ReadOnlySpan<float> own, ReadOnlySpan<float> other, List<Reach> leaves) =>
            Walk(nodes.Length == 0 ? -1 : 0, 0, 0, own, other, leaves);

        private void Walk(int node, int need, int forbid, ReadOnlySpan<float> own, ReadOnlySpan<float> other, List<Reach> leaves)
        {
            while (node >= 0)
            {
                ref readonly var split = ref nodes[node];
                var ownChild = own[split.Feature] <= split.Threshold ? split.Left : split.Right;
                var otherChild = other[split.Feature] <= split.Threshold ? split.Left : split.Right;
                if (ownChild != otherChild)
                {
                    // The two rows part on a field; which way depends on whether the coalition holds it (a field decides the
                    // same way wherever it appears, so a path that needs it both in and out is not reachable).
                    var bit = 1 << ChurnPipeline.FieldOfFeature[split.Feature];
                    if ((need & bit) == 0)
                    {
                        Walk(otherChild, need, forbid | bit, own, other, leaves);
                    }
                    if ((forbid & bit) != 0)
                    {
                        return;
                    }
                    need |= bit;
                }
                node = ownChild;
            }
            leaves.Add(new Reach(leafValue[~node], need, forbid));
        }
    }
}
