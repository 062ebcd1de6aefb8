namespace Clientele.Churn.Scoring;

/// <summary>Stratified k-fold result: AUC per fold, their mean and sample sd, each row's fold and its out-of-fold score.</summary>
public sealed record CrossValidation(
    IReadOnlyList<double> FoldAucs,
    double MeanAuc,
    double SdAuc,
    IReadOnlyList<int> Folds,
    IReadOnlyList<double> OutOfFoldScores);
