using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

public sealed class ChurnTrainerTests(SyntheticModelFixture fixture) : IClassFixture<SyntheticModelFixture>
{
    [Fact]
    public void Training_on_synthetic_customers_learns_the_planted_signal()
    {
        var result = fixture.Result;

        Assert.Equal(2400, result.TrainingRows);
        Assert.Equal(600, result.TestRows);
        Assert.Equal(5, result.CrossValidation.FoldAucs.Count);
        Assert.InRange(result.CvAuc, 0.72, 0.95);
        Assert.InRange(result.Metrics.AucRoc, 0.70, 0.95);
        Assert.InRange(result.CvAucSd, 0, 0.05);
        Assert.NotEmpty(result.Model);
    }

    [Fact]
    public void Cross_validation_uses_the_training_part_only()
    {
        Assert.Equal(fixture.Result.TrainingRows, fixture.Result.CrossValidation.Folds.Count);
        Assert.Equal(fixture.Result.TrainingRows, fixture.Result.CrossValidation.OutOfFoldScores.Count);
    }

    [Fact]
    public void Two_trainings_with_one_seed_score_identically()
    {
        var again = ChurnModel.Load(ChurnTrainer.Train(fixture.Rows, SyntheticModelFixture.Settings).Model);
        var customers = fixture.Rows.Select(row => row.Features).ToList();

        Assert.Equal(fixture.Model.ScoreMany(customers), again.ScoreMany(customers));
    }

    [Fact]
    public void The_hold_out_metrics_match_a_brute_force_count_over_the_hold_out_scores()
    {
        var scores = fixture.Model.ScoreMany(fixture.Test.Select(row => row.Features).ToList());
        var labels = fixture.Test.Select(row => row.Churned).ToList();
        var metrics = fixture.Result.Metrics;

        Assert.Equal(19, metrics.Thresholds.Count);
        foreach (var row in metrics.Thresholds)
        {
            var flagged = scores.Select((score, position) => (score, churned: labels[position])).Where(pair => pair.score >= row.Threshold).ToList();
            var caught = flagged.Count(pair => pair.churned);
            var precision = flagged.Count == 0 ? 0 : (double)caught / flagged.Count;
            var recall = (double)caught / labels.Count(label => label);
            Assert.Equal(precision, row.Precision, 12);
            Assert.Equal(recall, row.Recall, 12);
            Assert.Equal(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), row.F1, 12);
            Assert.Equal((double)flagged.Count / scores.Count, row.Flagged, 12);
        }

        var atHalf = metrics.Thresholds.Single(row => row.Threshold == 0.5);
        Assert.Equal(atHalf.Precision, metrics.Precision, 12);
        Assert.Equal(atHalf.Recall, metrics.Recall, 12);
        var confusion = metrics.Confusion;
        Assert.Equal(fixture.Test.Count, confusion.TruePositives + confusion.FalsePositives + confusion.TrueNegatives + confusion.FalseNegatives);
        Assert.Equal(labels.Count(label => label), confusion.TruePositives + confusion.FalseNegatives);
        Assert.Equal((double)(confusion.TruePositives + confusion.TrueNegatives) / fixture.Test.Count, metrics.Accuracy, 12);
        Assert.Equal(Evaluation.Auc(scores, labels), metrics.AucRoc, 12);
        Assert.All(metrics.Thresholds, row => Assert.True(
            Evaluation.ThresholdTable(scores, labels).Single(other => other.Threshold == row.Threshold) == row));

        var bestF1 = Evaluation.ThresholdTable(scores, labels).Max(row => row.F1);
        var atBest = Evaluation.Metrics(scores, labels, metrics.BestF1Threshold).F1;
        Assert.True(atBest >= bestF1, $"F1 at the best threshold {metrics.BestF1Threshold} is {atBest}, below the table's best {bestF1}.");
        Assert.InRange(metrics.LogLoss, 0.2, 0.7);
        Assert.InRange(metrics.Brier, 0.05, 0.25);
    }

    [Fact]
    public void Importances_are_keyed_by_the_api_names_and_find_the_planted_fields()
    {
        var importances = fixture.Result.Importances;

        Assert.Equal(ChurnFeatures.Names.Order(), importances.Keys.Order());
        Assert.Equal(1, importances.Values.Sum(), 9);
        Assert.All(importances.Values, share => Assert.InRange(share, 0, 1));
        var strongest = importances.OrderByDescending(pair => pair.Value).Take(3).Select(pair => pair.Key).ToHashSet();
        Assert.Contains("age", strongest);
        Assert.Contains("products", strongest);
        Assert.True(importances["salary"] < importances["age"]);
    }

    [Fact]
    public void The_baseline_has_training_shares_for_every_field()
    {
        var baseline = fixture.Result.Baseline;

        Assert.Equal(fixture.Result.TrainingRows, baseline.Rows);
        Assert.Equal(ChurnFeatures.Names, baseline.Features.Select(feature => feature.Feature));
        Assert.All(baseline.Features, feature =>
        {
            Assert.Equal(feature.Edges.Count + 1, feature.Shares.Count);
            Assert.Equal(feature.Shares.Count, feature.Labels.Count);
            Assert.Equal(1, feature.Shares.Sum(), 9);
        });
        Assert.Equal(["no", "yes"], baseline.Features.Single(feature => feature.Feature == "active").Labels);
        Assert.Equal(10, baseline.Features.Single(feature => feature.Feature == "salary").Shares.Count);
    }

    [Fact]
    public void Progress_climbs_to_one_hundred_through_named_stages()
    {
        var reports = new List<TrainingProgress>();
        ChurnTrainer.Train(SyntheticChurn.Customers(600, seed: 2), new TrainingSettings { Trees = 20 }, new Recorder(reports));

        Assert.Equal(100, reports[^1].Percent);
        Assert.Equal(reports.Select(report => report.Percent).Order(), reports.Select(report => report.Percent));
        Assert.Contains(reports, report => report.Stage == "cross-validation fold 3/5");
        Assert.Contains(reports, report => report.Stage == "fitting final model");
    }

    [Fact]
    public void Cancellation_stops_training_between_folds()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Recorder([], report =>
        {
            if (report.Stage.StartsWith("cross-validation fold 2", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ChurnTrainer.Train(SyntheticChurn.Customers(600, seed: 2), new TrainingSettings { Trees = 20 }, progress, cancel.Token));
    }

    [Fact]
    public void Training_refuses_data_without_both_classes()
    {
        var everyoneStays = SyntheticChurn.Customers(200, seed: 1).Select(row => row with { Churned = false }).ToList();

        Assert.Throws<ArgumentException>(() => ChurnTrainer.Train(everyoneStays, new TrainingSettings()));
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Recorder(List<TrainingProgress> reports, Action<TrainingProgress>? onReport = null) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
