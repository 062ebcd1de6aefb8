using Clientele.Churn.Auth;
using Clientele.Churn.Data;
using Clientele.Churn.Scoring;
using Clientele.Churn.Shared;
using Clientele.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Churn.Models;

/// <summary>Seed 002's model management (info, train, training status) and what a model manager also needs: every version, and rollback.</summary>
public static class ModelEndpoints
{
    public const string NoModel = "No model has been trained yet: POST /api/model/train/ first";

    public sealed record MetricsView(double Accuracy, double Precision, double Recall, double F1Score, double AucRoc, double PrAuc, double Brier,
        double LogLoss, double Threshold);

    public sealed record ConfusionView(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);

    public sealed record ModelInfo(
        string ModelVersion, DateTime LastTrained, MetricsView Metrics, IReadOnlyDictionary<string, double> FeatureImportance,
        bool IsActive, double CvAuc, double CvAucSd, int TrainingRows, ConfusionView ConfusionMatrix, double BestF1Threshold,
        IReadOnlyList<ThresholdRow> ThresholdCurve, string Decision)
    {
        public static ModelInfo Of(ModelVersion version)
        {
            var metrics = ModelJson.Read<ModelMetrics>(version.MetricsJson);
            var confusion = metrics.Confusion;
            return new(version.Version, version.TrainedAt.UtcDateTime,
                new MetricsView(R(metrics.Accuracy), R(metrics.Precision), R(metrics.Recall), R(metrics.F1), R(metrics.AucRoc), R(metrics.PrAuc),
                    R(metrics.Brier), R(metrics.LogLoss), metrics.Threshold),
                ModelJson.Read<Dictionary<string, double>>(version.ImportanceJson).ToDictionary(p => p.Key, p => R(p.Value)),
                version.IsActive, R(version.CvAuc), R(version.CvAucSd), version.Rows,
                new ConfusionView(confusion.TruePositives, confusion.FalsePositives, confusion.TrueNegatives, confusion.FalseNegatives),
                metrics.BestF1Threshold,
                metrics.Thresholds.Select(t => new ThresholdRow(t.Threshold, R(t.Precision), R(t.Recall), R(t.F1), R(t.Flagged))).ToList(), version.Decision);
        }

        private static double R(double value) => Math.Round(value, 4);
    }

    public sealed record VersionView(string ModelVersion, DateTime TrainedAt, bool IsActive, double CvAuc, double AucRoc, int TrainingRows, string Decision);

    public static void Map(RouteGroupBuilder churn)
    {
        var model = churn.MapGroup("/api/model").WithTags("Model");
        model.MapGet("/info/", InfoAsync).WithName("ChurnModelInfo")
            .WithSummary("The active model: the seed's fields plus AUC, confusion matrix, the precision/recall table by threshold and the promotion decision.");
        model.MapGet("/versions/", VersionsAsync).WithName("ChurnModelVersions").WithSummary("Every trained version, newest first.");
        model.MapGet("/versions/{version}/", VersionAsync).WithName("ChurnModelVersion").WithSummary("One version, as /info/ shows the active one.");
        model.MapPost("/versions/{version}/activate/", ActivateAsync).WithName("ActivateChurnModel")
            .WithSummary("Makes a version the active one (rollback, or promoting a challenger the gate kept out).")
            .RequireAuthorization(ChurnPolicies.ModelManager);
        model.MapPost("/train/", TrainAsync).WithName("TrainChurnModel")
            .WithSummary("Trains a challenger on the customers with a known outcome as a durable job; 202 with the task.")
            .RequireAuthorization(ChurnPolicies.ModelManager);
        model.MapGet("/train/{task_id}/", TrainingStatusAsync).WithName("ChurnTrainingStatus").WithSummary("A training task's status and progress.");
    }

    public static async Task<IResult> InfoAsync(ChurnDbContext db, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.IsActive, cancellationToken) is { } active
            ? TypedResults.Ok(ModelInfo.Of(active))
            : ChurnResults.NotFound(NoModel);

    public static async Task<IResult> VersionsAsync(ChurnDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.Id)
            .Select(m => new { m.Version, m.TrainedAt, m.IsActive, m.CvAuc, m.MetricsJson, m.Rows, m.Decision }).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(m => new VersionView(m.Version, m.TrainedAt.UtcDateTime, m.IsActive, Math.Round(m.CvAuc, 4),
            Math.Round(ModelJson.Read<ModelMetrics>(m.MetricsJson).AucRoc, 4), m.Rows, m.Decision)).ToList());
    }

    public static async Task<IResult> VersionAsync(string version, ChurnDbContext db, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.Version == version, cancellationToken) is { } found
            ? TypedResults.Ok(ModelInfo.Of(found))
            : ChurnResults.NotFound();

    public static async Task<IResult> ActivateAsync(string version, ChurnDbContext db, JobQueue queue, CancellationToken cancellationToken)
    {
        var chosen = await db.ModelVersions.FirstOrDefaultAsync(m => m.Version == version, cancellationToken);
        if (chosen is null)
        {
            return ChurnResults.NotFound();
        }
        if (!chosen.IsActive)
        {
            await db.ModelVersions.Where(m => m.IsActive).ExecuteUpdateAsync(set => set.SetProperty(m => m.IsActive, false), cancellationToken);
            chosen.IsActive = true;
            db.Publish("churn.model.activated", new { model_version = chosen.Version });
            await db.SaveChangesAsync(cancellationToken);
            await queue.EnqueueAsync(Predictions.ScoringJob.JobKind, new Predictions.ScoringJob.Payload(null, Predictions.RiskSources.Sweep), cancellationToken: cancellationToken);
        }
        return TypedResults.Ok(ModelInfo.Of(chosen));
    }

    public static async Task<IResult> TrainAsync(ChurnDbContext db, JobQueue queue, HttpContext context)
    {
        var rows = await TrainingJob.LabelledAsync(db, context.RequestAborted);
        if (TrainingJob.Problem(rows) is { } problem)
        {
            return ChurnResults.BadRequest(problem);
        }
        var running = (await queue.ListAsync(null, [ChurnModule.Name], 20, context.RequestAborted))
            .FirstOrDefault(j => j.Kind == TrainingJob.JobKind && !j.IsFinished);
        var job = running ?? await queue.EnqueueAsync(TrainingJob.JobKind, new { }, maxAttempts: 2, context.RequestAborted);
        var message = running is null ? $"Training on {rows.Count} customers with a known outcome" : "A training is already under way; this is its task";
        return ChurnTasks.Accepted(context, job, message);
    }

    public static Task<IResult> TrainingStatusAsync([Microsoft.AspNetCore.Mvc.FromRoute(Name = "task_id")] string taskId, JobQueue queue,
        CancellationToken cancellationToken) => ChurnTasks.StatusAsync(queue, taskId, TrainingJob.JobKind, cancellationToken);
}
