namespace Clientele.Churn.Scoring;

/// <summary>Hold-out quality of a model. Threshold metrics are at <see cref="Threshold"/>; <see cref="LogLoss"/> is in nats (natural log).</summary>
public sealed record ModelMetrics(
    double Threshold,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double AucRoc,
    double PrAuc,
    double Brier,
    double LogLoss,
    ConfusionMatrix Confusion,
    IReadOnlyList<ThresholdRow> Thresholds,
    double BestF1Threshold);

public sealed record ConfusionMatrix(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);

/// <summary>What flagging every customer scored at or above <see cref="Threshold"/> would give; <see cref="Flagged"/> is the share flagged.</summary>
public sealed record ThresholdRow(double Threshold, double Precision, double Recall, double F1, double Flagged);
