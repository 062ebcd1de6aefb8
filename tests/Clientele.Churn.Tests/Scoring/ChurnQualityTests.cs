using System.Diagnostics;
using System.Globalization;
using Clientele.Churn.Scoring;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Clientele.Churn.Tests.Scoring;

/// <summary>
/// The served model's quality on Churn_Modelling with the seven API fields. Lines start with "[churn]" so
/// bench/churn/train.sh can pick them out; CHURN_FOLDS_OUT, when set, receives the fold of each CSV row for the XGBoost anchor.
/// </summary>
public sealed class ChurnQualityTests(ITestOutputHelper output)
{
    public const string FoldsVariable = "CHURN_FOLDS_OUT";

    [SkippableFact]
    public void Five_fold_stratified_cv_auc_on_the_seven_fields_is_at_least_0_83()
    {
        var rows = ChurnDataset.Require();
        var settings = new TrainingSettings();

        var clock = Stopwatch.StartNew();
        var cv = ChurnTrainer.CrossValidate(rows, settings);
        var seconds = clock.Elapsed.TotalSeconds;

        if (Environment.GetEnvironmentVariable(FoldsVariable) is { Length: > 0 } foldsPath)
        {
            File.WriteAllLines(foldsPath, ["row,fold", .. cv.Folds.Select((fold, row) => $"{row},{fold}")]);
            Print($"folds written to {foldsPath}");
        }
        var labels = rows.Select(row => row.Churned).ToList();
        for (var fold = 0; fold < cv.FoldAucs.Count; fold++)
        {
            Print($"fold {fold + 1} AUC {cv.FoldAucs[fold]:F4}");
        }
        Print($"CV AUC {cv.MeanAuc:F4} ± {cv.SdAuc:F4} ({settings.Folds}-fold stratified, seed {settings.Seed}, {rows.Count} rows, seven fields; FastTree {settings.Trees} trees, {settings.Leaves} leaves, lr {settings.LearningRate}, feature fraction {settings.FeatureFraction})");
        var outOfFold = Evaluation.Metrics(cv.OutOfFoldScores, labels, 0.5);
        Print($"out-of-fold PR-AUC {outOfFold.PrAuc:F4}, Brier {outOfFold.Brier:F4}, log-loss {outOfFold.LogLoss:F4} nats, accuracy@0.5 {outOfFold.Accuracy:F4}, best-F1 threshold {outOfFold.BestF1Threshold:F2}");
        Print($"cv seconds {seconds:F2} ({settings.Folds} fits on {rows.Count * (settings.Folds - 1) / settings.Folds} rows, {settings.Threads} thread(s))");

        Assert.True(cv.MeanAuc >= 0.83, $"CV AUC {cv.MeanAuc:F4} is below 0.83");
        Assert.True(outOfFold.Brier < 0.12, $"out-of-fold Brier {outOfFold.Brier:F4}");
    }

    [SkippableFact]
    public void Training_on_the_whole_dataset_reports_hold_out_metrics_importances_and_speed()
    {
        var rows = ChurnDataset.Require();
        var settings = new TrainingSettings();

        var clock = Stopwatch.StartNew();
        var result = ChurnTrainer.Train(rows, settings);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var model = ChurnModel.Load(result.Model);

        var metrics = result.Metrics;
        Print($"train seconds {trainSeconds:F2} for {rows.Count} rows (CV on {result.TrainingRows}, final fit, hold-out metrics, permutation importance)");
        Print($"training-part CV AUC {result.CvAuc:F4} ± {result.CvAucSd:F4}");
        Print($"hold-out ({result.TestRows} rows) AUC {metrics.AucRoc:F4}, PR-AUC {metrics.PrAuc:F4}, Brier {metrics.Brier:F4}, log-loss {metrics.LogLoss:F4} nats");
        Print($"hold-out @0.5 accuracy {metrics.Accuracy:F4} precision {metrics.Precision:F4} recall {metrics.Recall:F4} F1 {metrics.F1:F4}; best-F1 threshold {metrics.BestF1Threshold:F2}");
        var importances = string.Join(", ", result.Importances.OrderByDescending(pair => pair.Value).Select(pair => FormattableString.Invariant($"{pair.Key} {pair.Value:F3}")));
        Print($"importances {importances}");
        Print($"model bytes {result.Model.Length}");

        var customers = rows.Select(row => row.Features).ToList();
        model.ScoreMany(customers);
        clock.Restart();
        const int Passes = 3;
        for (var pass = 0; pass < Passes; pass++)
        {
            model.ScoreMany(customers);
        }
        Print($"ScoreMany {Passes * customers.Count / clock.Elapsed.TotalSeconds:F0} rows/s");
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(new MemoryStream(result.Model), out _);
        var input = ml.Data.LoadFromEnumerable(customers.Select(MlNetRow.From).ToList());
        clock.Restart();
        for (var pass = 0; pass < Passes; pass++)
        {
            var scored = transformer.Transform(input);
            using var cursor = scored.GetRowCursor([scored.Schema["Probability"]]);
            var probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
            float value = 0;
            while (cursor.MoveNext())
            {
                probability(ref value);
            }
        }
        Print($"anchor: ML.NET Transform and a row cursor, same model and rows {Passes * customers.Count / clock.Elapsed.TotalSeconds:F0} rows/s");

        model.TopFactors(customers[0]);
        clock.Restart();
        const int Calls = 50;
        for (var call = 0; call < Calls; call++)
        {
            model.TopFactors(customers[call + 1]);
        }
        Print($"TopFactors {clock.Elapsed.TotalMilliseconds / Calls:F1} ms per call");

        Assert.InRange(metrics.AucRoc, 0.82, 0.90);
        Assert.True(metrics.Accuracy >= 0.84, $"accuracy {metrics.Accuracy:F4}");
        Assert.True(metrics.Brier < 0.12, $"Brier {metrics.Brier:F4}");
        Assert.InRange(metrics.BestF1Threshold, 0.2, 0.5);
        Assert.Equal(["age", "products"], result.Importances.OrderByDescending(pair => pair.Value).Take(2).Select(pair => pair.Key).Order());
    }

    private void Print(FormattableString line) => output.WriteLine("[churn] " + line.ToString(CultureInfo.InvariantCulture));
}
