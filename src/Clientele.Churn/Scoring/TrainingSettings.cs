namespace Clientele.Churn.Scoring;

/// <summary>
/// How <see cref="ChurnTrainer"/> splits, validates and fits. Defaults were chosen by 5-fold stratified CV on
/// Churn_Modelling (seven fields); <see cref="Threads"/> is pinned, not taken from the machine, so a seed gives the same model everywhere.
/// </summary>
public sealed record TrainingSettings
{
    public int Seed { get; init; } = 42;

    public double TestFraction { get; init; } = 0.2;

    public int Folds { get; init; } = 5;

    public int Trees { get; init; } = 300;

    public int Leaves { get; init; } = 8;

    public double LearningRate { get; init; } = 0.05;

    public int MinExamplesPerLeaf { get; init; } = 20;

    /// <summary>Share of features each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 0.5;

    public int Threads { get; init; } = 1;

    /// <summary>Rows kept with the model as the Shapley background (the "average customer" explanations are measured against).</summary>
    public int BackgroundRows { get; init; } = 50;

    /// <summary>Shuffles per field in permutation importance; the AUC drops are averaged.</summary>
    public int PermutationRepeats { get; init; } = 3;

    public double OperatingThreshold { get; init; } = 0.5;

    internal void Validate()
    {
        if (TestFraction is <= 0 or >= 0.9)
        {
            throw new ArgumentOutOfRangeException(nameof(TestFraction), TestFraction, "The hold-out share must lie in (0, 0.9).");
        }
        if (Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "Cross-validation needs at least 2 folds.");
        }
        if (Trees < 1 || Leaves < 2 || LearningRate <= 0 || FeatureFraction is <= 0 or > 1 || MinExamplesPerLeaf < 1 || Threads < 1 || BackgroundRows < 1 || PermutationRepeats < 1)
        {
            throw new ArgumentException("Trees, leaves (≥ 2), learning rate, feature fraction (≤ 1), leaf size, threads, background rows and permutation repeats must be positive.");
        }
        if (OperatingThreshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OperatingThreshold), OperatingThreshold, "The operating threshold must lie in (0, 1).");
        }
    }
}
