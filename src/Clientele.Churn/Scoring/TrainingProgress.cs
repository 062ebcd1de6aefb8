namespace Clientele.Churn.Scoring;

/// <summary>A progress report from <see cref="ChurnTrainer"/>: the stage now running and the overall percent done.</summary>
public sealed record TrainingProgress(string Stage, int Percent);
