namespace Clientele.Churn.Scoring;

/// <summary>Binary metrics from probabilities and labels. A customer is flagged when its score is at or above the threshold.</summary>
public static class Evaluation
{
    private const double ClipForLog = 1e-15;

    /// <summary>The thresholds of the table: 0.05, 0.10, …, 0.95.</summary>
    public static IReadOnlyList<double> TableThresholds { get; } = Enumerable.Range(1, 19).Select(step => Math.Round(step * 0.05, 2)).ToArray();

    public static ModelMetrics Metrics(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        Check(scores, labels);
        var confusion = Confusion(scores, labels, threshold);
        var row = Row(confusion, threshold, scores.Count);
        var accuracy = (double)(confusion.TruePositives + confusion.TrueNegatives) / scores.Count;
        return new ModelMetrics(
            threshold, accuracy, row.Precision, row.Recall, row.F1,
            Auc(scores, labels), AveragePrecision(scores, labels), Brier(scores, labels), LogLoss(scores, labels),
            confusion, ThresholdTable(scores, labels), BestF1Threshold(scores, labels));
    }

    public static ConfusionMatrix Confusion(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        int truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
        for (var row = 0; row < scores.Count; row++)
        {
            var flagged = scores[row] >= threshold;
            if (flagged && labels[row]) truePositives++;
            else if (flagged) falsePositives++;
            else if (labels[row]) falseNegatives++;
            else trueNegatives++;
        }
        return new ConfusionMatrix(truePositives, falsePositives, trueNegatives, falseNegatives);
    }

    public static IReadOnlyList<ThresholdRow> ThresholdTable(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) =>
        TableThresholds.Select(threshold => Row(Confusion(scores, labels, threshold), threshold, scores.Count)).ToList();

    /// <summary>The threshold on a 0.01 grid with the highest F1 (the lowest such one on ties).</summary>
    public static double BestF1Threshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var best = (Threshold: 0.5, F1: -1.0);
        for (var step = 1; step <= 99; step++)
        {
            var threshold = step / 100.0;
            var f1 = Row(Confusion(scores, labels, threshold), threshold, scores.Count).F1;
            if (f1 > best.F1)
            {
                best = (threshold, f1);
            }
        }
        return best.Threshold;
    }

    /// <summary>ROC AUC as the Mann–Whitney statistic, ties counted half.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(row => scores[row]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }
            var averageRank = (start + end) / 2.0 + 1;
            for (var position = start; position <= end; position++)
            {
                if (labels[order[position]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        var negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>PR-AUC as average precision (Σ over score levels of recall gained × precision there), as scikit-learn reports it.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        var totalPositives = labels.Count(label => label);
        if (totalPositives == 0)
        {
            return double.NaN;
        }
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(row => scores[row]).ToArray();
        double area = 0;
        int flagged = 0, caught = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }
            var newlyCaught = 0;
            for (var position = start; position <= end; position++)
            {
                newlyCaught += labels[order[position]] ? 1 : 0;
            }
            flagged += end - start + 1;
            caught += newlyCaught;
            area += (double)newlyCaught / totalPositives * caught / flagged;
            start = end + 1;
        }
        return area;
    }

    public static double Brier(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        return scores.Select((score, row) => Math.Pow(score - (labels[row] ? 1 : 0), 2)).Average();
    }

    /// <summary>Mean negative log-likelihood in nats; probabilities are clipped to [1e-15, 1 − 1e-15].</summary>
    public static double LogLoss(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        Check(scores, labels);
        return scores.Select((score, row) =>
        {
            var clipped = Math.Clamp(score, ClipForLog, 1 - ClipForLog);
            return -Math.Log(labels[row] ? clipped : 1 - clipped);
        }).Average();
    }

    private static ThresholdRow Row(ConfusionMatrix confusion, double threshold, int total)
    {
        var flagged = confusion.TruePositives + confusion.FalsePositives;
        var positives = confusion.TruePositives + confusion.FalseNegatives;
        var precision = flagged == 0 ? 0 : (double)confusion.TruePositives / flagged;
        var recall = positives == 0 ? 0 : (double)confusion.TruePositives / positives;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ThresholdRow(threshold, precision, recall, f1, (double)flagged / total);
    }

    private static void Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count || scores.Count == 0)
        {
            throw new ArgumentException($"Need as many labels as scores, and at least one ({scores.Count} scores, {labels.Count} labels).");
        }
    }
}
