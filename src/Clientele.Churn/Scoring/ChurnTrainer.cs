using System.Diagnostics;
using Microsoft.ML;

namespace Clientele.Churn.Scoring;

/// <summary>
/// Trains the served churn model: a stratified hold-out split, stratified k-fold CV on the training part only,
/// a final fit on the whole training part, then hold-out metrics, permutation importance and a drift baseline.
/// </summary>
public static class ChurnTrainer
{
    private const int CrossValidationPercent = 60;
    private const int FinalFitPercent = 80;

    public static TrainingResult Train(
        IReadOnlyList<LabelledCustomer> rows, TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        RequireBothClasses(rows, settings.Folds);
        var clock = Stopwatch.StartNew();

        var heldOut = Stratification.HoldOut(rows.Select(row => row.Churned).ToList(), settings.TestFraction, settings.Seed);
        var training = rows.Where((_, row) => !heldOut[row]).ToList();
        var test = rows.Where((_, row) => heldOut[row]).ToList();

        var crossValidation = CrossValidate(training, settings, new Scaled(progress, 0, CrossValidationPercent), cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("fitting final model", CrossValidationPercent));
        var transformer = ChurnPipeline.Fit(training, settings, out var inputSchema);
        var background = Sample(training, settings.BackgroundRows, settings.Seed);
        var bytes = ChurnModel.Save(new MLContext(settings.Seed), transformer, inputSchema, background);
        var model = ChurnModel.Load(bytes);

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("evaluating hold-out", FinalFitPercent));
        var testFeatures = test.Select(row => row.Features).ToList();
        var testLabels = test.Select(row => row.Churned).ToList();
        var testScores = model.ScoreMany(testFeatures);
        var metrics = Evaluation.Metrics(testScores, testLabels, settings.OperatingThreshold);

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("permutation importance", 85));
        var importances = PermutationImportance(model, testFeatures, testLabels, metrics.AucRoc, settings);

        progress?.Report(new TrainingProgress("drift baseline", 95));
        var baseline = TrainingBaseline.Of(training.Select(row => row.Features).ToList());

        progress?.Report(new TrainingProgress("done", 100));
        return new TrainingResult(bytes, settings, metrics, crossValidation, importances, baseline, training.Count, test.Count, clock.Elapsed);
    }

    /// <summary>Stratified k-fold CV over <paramref name="rows"/> (seeded); AUC per fold plus every row's out-of-fold score.</summary>
    public static CrossValidation CrossValidate(
        IReadOnlyList<LabelledCustomer> rows, TrainingSettings settings, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        RequireBothClasses(rows, settings.Folds);
        var folds = Stratification.Folds(rows.Select(row => row.Churned).ToList(), settings.Folds, settings.Seed);
        var outOfFold = new double[rows.Count];
        var aucs = new double[settings.Folds];
        for (var fold = 0; fold < settings.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"cross-validation fold {fold + 1}/{settings.Folds}", 100 * fold / settings.Folds));
            var training = rows.Where((_, row) => folds[row] != fold).ToList();
            var validation = Enumerable.Range(0, rows.Count).Where(row => folds[row] == fold).ToList();
            var transformer = ChurnPipeline.Fit(training, settings, out _);
            var ensemble = TreeEnsemble.From(transformer);
            var scores = validation.Select(row => ensemble.Score(rows[row].Features)).ToList();
            for (var position = 0; position < validation.Count; position++)
            {
                outOfFold[validation[position]] = scores[position];
            }
            aucs[fold] = Evaluation.Auc(scores, validation.Select(row => rows[row].Churned).ToList());
        }
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("cross-validation done", 100));
        var mean = aucs.Average();
        var sd = Math.Sqrt(aucs.Sum(auc => (auc - mean) * (auc - mean)) / (aucs.Length - 1));
        return new CrossValidation(aucs, mean, sd, folds, outOfFold);
    }

    /// <summary>AUC lost when one source field is shuffled across the hold-out rows; clipped at 0 and normalised to sum 1.</summary>
    private static Dictionary<string, double> PermutationImportance(
        ChurnModel model, List<ChurnFeatures> rows, List<bool> labels, double auc, TrainingSettings settings)
    {
        var random = new Random(settings.Seed);
        var drops = new double[ChurnFeatures.Names.Count];
        for (var field = 0; field < drops.Length; field++)
        {
            for (var repeat = 0; repeat < settings.PermutationRepeats; repeat++)
            {
                var order = Enumerable.Range(0, rows.Count).ToArray();
                random.Shuffle(order);
                var shuffled = rows.Select((row, position) => row.With(field, rows[order[position]])).ToList();
                drops[field] += (auc - Evaluation.Auc(model.ScoreMany(shuffled), labels)) / settings.PermutationRepeats;
            }
            drops[field] = Math.Max(drops[field], 0);
        }
        var total = drops.Sum();
        return ChurnFeatures.Names.Select((name, field) => (name, share: total > 0 ? drops[field] / total : 0))
            .ToDictionary(pair => pair.name, pair => pair.share, StringComparer.Ordinal);
    }

    private static List<ChurnFeatures> Sample(List<LabelledCustomer> rows, int count, int seed)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        return order.Take(count).Select(row => rows[row].Features).ToList();
    }

    private static void RequireBothClasses(IReadOnlyList<LabelledCustomer> rows, int folds)
    {
        var churned = rows.Count(row => row.Churned);
        var stayed = rows.Count - churned;
        if (churned < folds || stayed < folds)
        {
            throw new ArgumentException($"Training needs at least {folds} churned and {folds} retained customers (got {churned} and {stayed}).", nameof(rows));
        }
    }

    /// <summary>Maps a sub-stage's 0–100 onto a slice of the overall percent.</summary>
    private sealed class Scaled(IProgress<TrainingProgress>? inner, int from, int to) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner?.Report(value with { Percent = from + (to - from) * value.Percent / 100 });
    }
}
