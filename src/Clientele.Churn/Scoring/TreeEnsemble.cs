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

    internal IReadOnlyList<Tree> Trees => trees;

    internal double Bias => bias;

    // ML.NET's PlattCalibrator: P = 1 / (1 + exp(slope · margin + offset)), in float as ML.NET returns it.
    internal double Probability(double margin) => (float)(1 / (1 + Math.Exp(slope * (float)margin + offset)));

    /// <summary>A leaf reachable when mixing a customer with a background row, and the fields it needs in (Need) or out of (Forbid) the coalition.</summary>
    internal readonly record struct Reach(double Value, int Need, int Forbid);

    internal readonly record struct Node(int Feature, float Threshold, int Left, int Right, int FieldBit);

    internal sealed class Tree(Node[] nodes, double[] leafValue)
    {
        /// <summary>Splits per tree that <see cref="Directions"/> can hold: one bit each.</summary>
        public const int MaxSplits = 64;

        public int Splits => nodes.Length;

        public static Tree From(RegressionTree tree, double weight)
        {
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new InvalidDataException("The churn model has a categorical split; its features are all numeric.");
            }
            if (tree.LeftChild.Count > MaxSplits)
            {
                throw new InvalidDataException($"A tree of the churn model has {tree.LeftChild.Count} splits; at most {MaxSplits} are served.");
            }
            var nodes = new Node[tree.LeftChild.Count];
            for (var node = 0; node < nodes.Length; node++)
            {
                var feature = tree.NumericalSplitFeatureIndexes[node];
                nodes[node] = new Node(feature, tree.NumericalSplitThresholds[node], tree.LeftChild[node], tree.RightChild[node],
                    1 << ChurnPipeline.FieldOfFeature[feature]);
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

        /// <summary>Which way a row goes at every split of the tree, reached or not: bit n set means right at split n.</summary>
        public ulong Directions(ReadOnlySpan<float> features)
        {
            ulong right = 0;
            for (var node = 0; node < nodes.Length; node++)
            {
                if (features[nodes[node].Feature] > nodes[node].Threshold)
                {
                    right |= 1UL << node;
                }
            }
            return right;
        }

        /// <summary>The leaves a mix of two rows (given by their <see cref="Directions"/>) can reach, with what each needs of the coalition.</summary>
        public void Reach(ulong own, ulong other, List<Reach> leaves) => Walk(nodes.Length == 0 ? -1 : 0, 0, 0, own, other, leaves);

        private void Walk(int node, int need, int forbid, ulong own, ulong other, List<Reach> leaves)
        {
            while (node >= 0)
            {
                ref readonly var split = ref nodes[node];
                var ownChild = (own & (1UL << node)) == 0 ? split.Left : split.Right;
                if (((own ^ other) & (1UL << node)) != 0)
                {
                    // The two rows part on a field; which way depends on whether the coalition holds it (a field decides the
                    // same way wherever it appears, so a path that needs it both in and out is not reachable).
                    if ((need & split.FieldBit) == 0)
                    {
                        Walk(ownChild == split.Left ? split.Right : split.Left, need, forbid | split.FieldBit, own, other, leaves);
                    }
                    if ((forbid & split.FieldBit) != 0)
                    {
                        return;
                    }
                    need |= split.FieldBit;
                }
                node = ownChild;
            }
            leaves.Add(new Reach(leafValue[~node], need, forbid));
        }
    }
}
