using Clientele.Churn.Alerts;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Scoring;
using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Predictions;

/// <summary>
/// Scores a list of customers (batch prediction) or all of them (the sweep, and after a promotion) page by page with the active
/// model. A sweep also compares the customers' features with the model's training baseline and raises one <c>DRIFT</c> alert naming every
/// feature whose PSI passes the threshold (subject to the cool-down like any alert).
/// </summary>
public sealed class ScoringJob(ChurnDbContext db, CustomerScoring scoring, ActiveModels models, AlertRules alerts, TimeProvider time,
    IOptions<ChurnOptions> options) : IJobHandler
{
    public const string JobKind = "churn.scoring";
    public const int PageSize = 1000;

    public sealed record Payload(IReadOnlyList<int>? CustomerIds, string Source);

    public sealed record Result(int Scored, int HighRisk, string? ModelVersion, IReadOnlyDictionary<string, double>? Drift);

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        if (await models.ActiveAsync(db, cancellationToken) is not { } served)
        {
            throw new InvalidOperationException("No model is active yet: train one first (POST /churn/api/model/train/)");
        }
        var ids = payload.CustomerIds is { } listed
            ? listed.Distinct().Order().ToList()
            : await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var high = options.Value.HighRiskThreshold;
        int scored = 0, highRisk = 0;
        var features = new List<ChurnFeatures>(payload.CustomerIds is null ? ids.Count : 0);
        foreach (var page in ids.Chunk(PageSize))
        {
            var customers = await db.Customers.AsNoTracking().Where(c => page.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            var entries = await scoring.ScorePageAsync(db, customers, payload.Source, cancellationToken);
            scored += entries.Count;
            highRisk += entries.Count(e => e.Score >= high);
            if (payload.CustomerIds is null)
            {
                features.AddRange(customers.Select(CustomerScoring.FeaturesOf));
            }
            db.ChangeTracker.Clear();
            await context.ProgressAsync(scored, ids.Count, $"Scored {scored} of {ids.Count} customers", cancellationToken);
        }
        IReadOnlyDictionary<string, double>? drift = null;
        if (payload.CustomerIds is null && features.Count > 0)
        {
            drift = await RaiseDriftAsync(served.Version, features, cancellationToken);
        }
        return new Result(scored, highRisk, served.Version, drift);
    }

    private async Task<IReadOnlyDictionary<string, double>> RaiseDriftAsync(string version, IReadOnlyList<ChurnFeatures> features, CancellationToken cancellationToken)
    {
        var stored = await db.ModelVersions.AsNoTracking().FirstAsync(m => m.Version == version, cancellationToken);
        var psi = Drift.Psi(ModelJson.Baseline(stored), features).ToDictionary(p => p.Key, p => Math.Round(p.Value, 4));
        var now = time.GetUtcNow();
        var recent = await alerts.RecentAsync(db, [], now, cancellationToken);
        var drifted = psi.Where(p => p.Value > options.Value.DriftPsi).Select(p => $"{p.Key} (PSI {p.Value:0.00})").ToList();
        if (drifted.Count > 0)
        {
            alerts.Add(db, null, AlertRules.Drift,
                $"Customers have drifted from {version}'s training data: {string.Join(", ", drifted)}; PSI threshold {options.Value.DriftPsi}. Consider retraining.",
                null, null, now, recent, options.Value);
        }
        await db.SaveChangesAsync(cancellationToken);
        return psi;
    }
}
