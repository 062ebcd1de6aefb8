using Clientele.Churn.Scoring;
using Microsoft.ML;

namespace Clientele.Churn.Tests.Scoring;

public sealed class EvaluationTests
{
    [Fact]
    public void Auc_counts_ties_half_and_average_precision_steps_by_score()
    {
        double[] scores = [0.9, 0.8, 0.8, 0.3, 0.1];
        bool[] labels = [true, false, true, false, false];

        // Positive pairs won: 0.9 beats all three negatives; the 0.8 positive beats two, ties one.
        Assert.Equal(5.5 / 6, Evaluation.Auc(scores, labels), 12);
        // At 0.9: recall 1/2 at precision 1; at 0.8: recall 2/2 at precision 2/3.
        Assert.Equal(0.5 * 1 + 0.5 * (2.0 / 3), Evaluation.AveragePrecision(scores, labels), 12);
        Assert.Equal((0.01 + 0.64 + 0.04 + 0.09 + 0.01) / 5, Evaluation.Brier(scores, labels), 12);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.2) + Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.9)) / 5, Evaluation.LogLoss(scores, labels), 12);
    }

    [Fact]
    public void Auc_and_log_loss_agree_with_mlnet_which_reports_log_loss_in_bits()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.2).ToArray();
        var scores = labels.Select(label => Math.Clamp((label ? 0.35 : 0.2) + 0.25 * (random.NextDouble() - 0.5), 0.01, 0.99)).ToArray();

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(scores.Select((score, row) => new ScoredRow
        {
            Label = labels[row],
            Probability = (float)score,
            Score = (float)Math.Log(score / (1 - score)),
            PredictedLabel = score > 0.5,
        }));
        var reference = ml.BinaryClassification.Evaluate(data);
        var floats = scores.Select(score => (double)(float)score).ToArray();

        Assert.Equal(reference.AreaUnderRocCurve, Evaluation.Auc(floats, labels), 6);
        Assert.Equal(reference.LogLoss * Math.Log(2), Evaluation.LogLoss(floats, labels), 4);
    }

    [Fact]
    public void The_threshold_table_runs_from_five_to_ninety_five_percent()
    {
        Assert.Equal(19, Evaluation.TableThresholds.Count);
        Assert.Equal(0.05, Evaluation.TableThresholds[0]);
        Assert.Equal(0.5, Evaluation.TableThresholds[9]);
        Assert.Equal(0.95, Evaluation.TableThresholds[^1]);
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
