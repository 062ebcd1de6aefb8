using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Clientele.Churn.Scoring;

/// <summary>The ML.NET row the pipeline reads: the seven fields as floats and the label.</summary>
internal sealed class ChurnRow
{
    public float Age { get; set; }

    public float Tenure { get; set; }

    public float Balance { get; set; }

    public float Products { get; set; }

    public float CreditCard { get; set; }

    public float Active { get; set; }

    public float Salary { get; set; }

    public bool Label { get; set; }

    public static ChurnRow From(ChurnFeatures features, bool churned = false) => new()
    {
        Age = features.Age,
        Tenure = features.Tenure,
        Balance = (float)features.Balance,
        Products = features.Products,
        CreditCard = features.CreditCard ? 1 : 0,
        Active = features.Active ? 1 : 0,
        Salary = (float)features.Salary,
        Label = churned,
    };
}

internal sealed class ChurnPrediction
{
    public float Probability { get; set; }
}

/// <summary>Featurizer plus FastTree. Engineered columns are computed inside the pipeline, so the saved model takes the seven fields only.</summary>
internal static class ChurnPipeline
{
    private static readonly string[] Raw = ["Age", "Tenure", "Balance", "Products", "CreditCard", "Active", "Salary"];

    /// <summary>
    /// Trees could find these splits themselves; handed over, they survive feature sub-sampling. Together with
    /// FeatureFraction 0.5 they add 0.001–0.002 CV AUC on Churn_Modelling (three fold seeds) over the seven raw fields.
    /// </summary>
    private static readonly (string Column, string Expression, string Source)[] Engineered =
    [
        ("ZeroBalance", "(balance) => balance == 0 ? 1f : 0f", "Balance"),
        ("ThreeOrMoreProducts", "(products) => products >= 3 ? 1f : 0f", "Products"),
        ("TwoProducts", "(products) => products == 2 ? 1f : 0f", "Products"),
        ("AgeBand", "(age) => age < 30 ? 0f : age < 40 ? 1f : age < 50 ? 2f : age < 60 ? 3f : 4f", "Age"),
    ];

    public static IEstimator<ITransformer> Build(MLContext ml, TrainingSettings settings)
    {
        var options = new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = settings.Trees,
            NumberOfLeaves = settings.Leaves,
            LearningRate = settings.LearningRate,
            MinimumExampleCountPerLeaf = settings.MinExamplesPerLeaf,
            FeatureFraction = settings.FeatureFraction,
            NumberOfThreads = settings.Threads,
            Seed = settings.Seed,
            FeatureColumnName = "Features",
            LabelColumnName = "Label",
        };
        IEstimator<ITransformer> featurizer = new EstimatorChain<ITransformer>();
        foreach (var (column, expression, source) in Engineered)
        {
            featurizer = featurizer.Append(ml.Transforms.Expression(column, expression, source));
        }
        return featurizer
            .Append(ml.Transforms.Concatenate("Features", [.. Raw, .. Engineered.Select(feature => feature.Column)]))
            .Append(ml.BinaryClassification.Trainers.FastTree(options));
    }

    public static ITransformer Fit(IReadOnlyList<LabelledCustomer> rows, TrainingSettings settings, out DataViewSchema inputSchema)
    {
        var ml = new MLContext(settings.Seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(row => ChurnRow.From(row.Features, row.Churned)).ToList());
        inputSchema = data.Schema;
        return Build(ml, settings).Fit(data);
    }

    /// <summary>Probabilities for many rows through one Transform (the batch path).</summary>
    public static double[] Score(MLContext ml, ITransformer model, IReadOnlyList<ChurnFeatures> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(row => ChurnRow.From(row)).ToList());
        var scored = model.Transform(data);
        var scores = new double[rows.Count];
        using var cursor = scored.GetRowCursor([scored.Schema["Probability"]]);
        var getter = cursor.GetGetter<float>(scored.Schema["Probability"]);
        float value = 0;
        var position = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            scores[position++] = value;
        }
        return scores;
    }
}
