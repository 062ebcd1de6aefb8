namespace Clientele.Churn.Scoring;

/// <summary>
/// A trained model and its evidence. <see cref="Model"/> is the ML.NET zip of the whole pipeline (load it with
/// <see cref="ChurnModel.Load"/>); it also carries the Shapley background. Importances are keyed by the API names.
/// </summary>
public sealed record TrainingResult(
    byte[] Model,
    TrainingSettings Settings,
    ModelMetrics Metrics,
    CrossValidation CrossValidation,
    IReadOnlyDictionary<string, double> Importances,
    TrainingBaseline Baseline,
    int TrainingRows,
    int TestRows,
    TimeSpan Duration)
{
    public double CvAuc => CrossValidation.MeanAuc;

    public double CvAucSd => CrossValidation.SdAuc;
}
