namespace Clientele.Churn.Predictions;

/// <summary>What asked for a score, as the history records it.</summary>
public static class RiskSources
{
    public const string Predict = "predict";
    public const string Customer = "customer";
    public const string Batch = "batch";
    public const string Sweep = "sweep";
}
