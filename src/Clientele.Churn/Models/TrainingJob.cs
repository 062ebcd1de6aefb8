using Clientele.Churn.Data;
using Clientele.Churn.Predictions;
using Clientele.Churn.Scoring;
using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Models;

/// <summary>
/// Trains a challenger on every customer with a known outcome and keeps it as a new version. It becomes the active model when there
/// is none yet or its cross-validated AUC is no worse than the champion's (less a small tolerance): the hold-out is never used to
/// choose. A promotion re-scores every customer with the new model (a scoring job).
/// </summary>
public sealed class TrainingJob(ChurnDbContext db, TimeProvider time, IOptions<ChurnOptions> options) : IJobHandler
{
    public const string JobKind = "churn.training";
    public const string TrainedEvent = "churn.model.trained";
    public const int MinimumRows = 50;
    public const int MinimumPerClass = 10;

    public sealed record Result(string ModelVersion, bool Promoted, string Decision, double CvAuc, double AucRoc, int Rows);

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        // A retried attempt finds what an earlier one of the same job saved.
        if (await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.JobId == context.JobId, cancellationToken) is { } saved)
        {
            return new Result(saved.Version, saved.IsActive, saved.Decision, saved.CvAuc, ModelJson.Read<ModelMetrics>(saved.MetricsJson).AucRoc, saved.Rows);
        }
        await context.ReportAsync(0, "Reading customers with a known outcome", cancellationToken);
        var rows = await LabelledAsync(db, cancellationToken);
        if (Problem(rows) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        var progress = new Progress(context, cancellationToken);
        var trained = await Task.Run(() => ChurnTrainer.Train(rows, options.Value.Training, progress, cancellationToken), cancellationToken);
        await progress.FlushAsync();

        var champion = await db.ModelVersions.FirstOrDefaultAsync(m => m.IsActive, cancellationToken);
        var tolerance = options.Value.PromotionTolerance;
        var promoted = champion is null || trained.CvAuc >= champion.CvAuc - tolerance;
        var decision = champion is null
            ? "Promoted: the first model of this organization"
            : promoted
                ? $"Promoted: cross-validated AUC {trained.CvAuc:0.0000} is no worse than {champion.Version}'s {champion.CvAuc:0.0000} (tolerance {tolerance})"
                : $"Kept {champion.Version}: cross-validated AUC {trained.CvAuc:0.0000} is below its {champion.CvAuc:0.0000} by more than {tolerance}";
        var number = await db.ModelVersions.CountAsync(cancellationToken) + 1;
        var version = new ModelVersion
        {
            Version = $"v{number}",
            TrainedAt = time.GetUtcNow(),
            IsActive = promoted,
            Rows = rows.Count,
            CvAuc = trained.CvAuc,
            CvAucSd = trained.CvAucSd,
            MetricsJson = ModelJson.Write(trained.Metrics),
            ImportanceJson = ModelJson.Write(trained.Importances),
            BaselineJson = ModelJson.Write(trained.Baseline),
            Decision = decision,
            JobId = context.JobId,
            Model = trained.Model,
        };
        if (promoted && champion is not null)
        {
            champion.IsActive = false;
        }
        db.ModelVersions.Add(version);
        var result = new Result(version.Version, promoted, decision, trained.CvAuc, trained.Metrics.AucRoc, rows.Count);
        db.Publish(TrainedEvent, new
        {
            model_version = version.Version, promoted, decision, cv_auc = Math.Round(trained.CvAuc, 4), auc_roc = Math.Round(trained.Metrics.AucRoc, 4),
            rows = rows.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (promoted)
        {
            // Resolved here: the queue knows every handler, so a handler cannot take it in its constructor.
            await context.Services.GetRequiredService<JobQueue>().EnqueueAsync(ScoringJob.JobKind, new ScoringJob.Payload(null, RiskSources.Sweep), cancellationToken: cancellationToken);
        }
        return result;
    }

    public static async Task<List<LabelledCustomer>> LabelledAsync(ChurnDbContext db, CancellationToken cancellationToken) =>
        (await db.Customers.AsNoTracking().Where(c => c.Churned != null).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new LabelledCustomer(CustomerScoring.FeaturesOf(c), c.Churned == true)).ToList();

    /// <summary>Why these rows cannot train a model, or null.</summary>
    public static string? Problem(IReadOnlyCollection<LabelledCustomer> rows)
    {
        var churned = rows.Count(r => r.Churned);
        return rows.Count < MinimumRows || churned < MinimumPerClass || rows.Count - churned < MinimumPerClass
            ? $"Training needs at least {MinimumRows} customers with a known outcome (churned true or false), at least {MinimumPerClass} of each; there are {rows.Count - churned} stayed and {churned} churned"
            : null;
    }

    /// <summary>The trainer reports from its own thread; the job's row is written from here, at most once per stage or percent.</summary>
    private sealed class Progress(JobContext context, CancellationToken cancellationToken) : IProgress<TrainingProgress>
    {
        private Task last = Task.CompletedTask;
        private int reported = -1;

        public void Report(TrainingProgress value)
        {
            lock (this)
            {
                if (value.Percent == reported)
                {
                    return;
                }
                reported = value.Percent;
                var percent = Math.Clamp(value.Percent, 0, 99);
                last = last.ContinueWith(_ => context.ReportAsync(percent, value.Stage, cancellationToken), cancellationToken).Unwrap();
            }
        }

        public Task FlushAsync()
        {
            lock (this)
            {
                return last;
            }
        }
    }
}
