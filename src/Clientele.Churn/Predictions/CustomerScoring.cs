using Clientele.Churn.Alerts;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Scoring;
using Clientele.Platform.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using System.Runtime.CompilerServices;

namespace Clientele.Churn.Predictions;

/// <summary>
/// Scores customers with the organization's active model: the customer's current score, one history row per score, and the
/// alerts the new score calls for, saved together. With no model yet, nothing is scored.
/// An explanation costs about 1 ms (as much as scoring a few hundred customers), so bulk scoring (batch, sweep, import) stores none and the
/// customer page works them out when it shows a point (<see cref="Explanations"/>).
/// </summary>
public sealed class CustomerScoring(ActiveModels models, AlertRules alerts, TimeProvider time, IOptions<ChurnOptions> options)
{
    /// <summary>Scores and explains a few tracked customers (a customer created or changed) and saves them with their history and alerts.</summary>
    public async Task<IReadOnlyList<RiskHistoryEntry>> ScoreAsync(ChurnDbContext db, IReadOnlyList<ChurnCustomer> customers, string source, CancellationToken cancellationToken)
    {
        if (customers.Count == 0 || await models.ActiveAsync(db, cancellationToken) is not { } served)
        {
            return [];
        }
        var entries = await ScoreAndAlertAsync(db, customers, source, served, explain: true, cancellationToken);
        for (var index = 0; index < entries.Count; index++)
        {
            customers[index].RiskScore = entries[index].Score;
            customers[index].ModelVersion = entries[index].ModelVersion;
            customers[index].LastUpdated = entries[index].Timestamp;
            db.RiskHistory.Add(entries[index]);
        }
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    /// <summary>
    /// Scores a page of customers (batch, sweep, import) without explanations and writes the scores and history rows row by row
    /// without tracking them (<see cref="RowStatement"/>), in one transaction with the alerts; the customers need not be tracked.
    /// </summary>
    public async Task<IReadOnlyList<RiskHistoryEntry>> ScorePageAsync(ChurnDbContext db, IReadOnlyList<ChurnCustomer> customers, string source, CancellationToken cancellationToken) =>
        customers.Count == 0 || await models.ActiveAsync(db, cancellationToken) is not { } served
            ? []
            : await WriteAsync(db, await ScoreAndAlertAsync(db, customers, source, served, explain: false, cancellationToken), cancellationToken);

    /// <summary>
    /// Scores and explains one untracked customer (a prediction, the API's hottest call) and writes it as <see cref="ScorePageAsync"/> does:
    /// the change tracker would cost more than the model.
    /// </summary>
    public async Task<RiskHistoryEntry> PredictAsync(ChurnDbContext db, ChurnCustomer customer, string source, ActiveModels.Served served, CancellationToken cancellationToken) =>
        (await WriteAsync(db, await ScoreAndAlertAsync(db, [customer], source, served, explain: true, cancellationToken), cancellationToken))[0];

    private static async Task<IReadOnlyList<RiskHistoryEntry>> WriteAsync(ChurnDbContext db, IReadOnlyList<RiskHistoryEntry> entries, CancellationToken cancellationToken)
    {
        var organization = db.CurrentOrganizationId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var statements = StatementsOf(db);
        await statements.History.ExecuteAsync(db,
            [.. entries.Select(e => new object?[] { organization, e.CustomerId, e.Score, e.Timestamp, e.Day, e.ModelVersion, e.FeaturesJson, e.FactorsJson, e.Source })],
            cancellationToken);
        await statements.Score.ExecuteAsync(db, [.. entries.Select(e => new object?[] { e.Score, e.ModelVersion, e.Timestamp, e.CustomerId, organization })], cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    private sealed record Statements(RowStatement History, RowStatement Score);

    // Built once per EF model (SQLite and PostgreSQL share a test process): the SQL of a prediction's two writes.
    private static readonly ConditionalWeakTable<IModel, Statements> StatementsByModel = [];

    private static Statements StatementsOf(ChurnDbContext db)
    {
        if (StatementsByModel.TryGetValue(db.Model, out var known))
        {
            return known;
        }
        var statements = new Statements(
            RowStatement.Insert<RiskHistoryEntry>(db, nameof(RiskHistoryEntry.OrganizationId), nameof(RiskHistoryEntry.CustomerId), nameof(RiskHistoryEntry.Score),
                nameof(RiskHistoryEntry.Timestamp), nameof(RiskHistoryEntry.Day), nameof(RiskHistoryEntry.ModelVersion), nameof(RiskHistoryEntry.FeaturesJson),
                nameof(RiskHistoryEntry.FactorsJson), nameof(RiskHistoryEntry.Source)),
            RowStatement.Update<ChurnCustomer>(db, [nameof(ChurnCustomer.RiskScore), nameof(ChurnCustomer.ModelVersion), nameof(ChurnCustomer.LastUpdated)],
                [nameof(ChurnCustomer.Id), nameof(ChurnCustomer.OrganizationId)]));
        StatementsByModel.AddOrUpdate(db.Model, statements);
        return statements;
    }

    /// <summary>The history entries of the customers' new scores with <paramref name="served"/>, and their alerts added to <paramref name="db"/>.</summary>
    private async Task<IReadOnlyList<RiskHistoryEntry>> ScoreAndAlertAsync(
        ChurnDbContext db, IReadOnlyList<ChurnCustomer> customers, string source, ActiveModels.Served served, bool explain, CancellationToken cancellationToken)
    {
        var features = customers.Select(FeaturesOf).ToList();
        var scores = served.Model.ScoreMany(features);
        // Whole microseconds: PostgreSQL keeps no finer, so the time a prediction answers is the one its history row reads back.
        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10));
        var entries = new List<RiskHistoryEntry>(customers.Count);
        // Most scores raise nothing, so the cool-downs are read only once one does.
        AlertRules.Recent? recentAlerts = null;
        for (var index = 0; index < customers.Count; index++)
        {
            var customer = customers[index];
            var score = Math.Round(scores[index], 6);
            var factors = explain ? served.Model.TopFactors(features[index]).Select(f => new FactorView(f.Feature, Math.Round(f.Contribution, 6), f.Description)).ToList() : [];
            entries.Add(new RiskHistoryEntry
            {
                CustomerId = customer.Id, Score = score, Timestamp = now, Day = DateOnly.FromDateTime(now.UtcDateTime), ModelVersion = served.Version, Source = source,
                FeaturesJson = RiskPoints.FeaturesJson(features[index]), FactorsJson = RiskPoints.FactorsJson(factors),
            });
            if (AlertRules.Triggers(customer.RiskScore, score, options.Value))
            {
                recentAlerts ??= await alerts.RecentAsync(db, customers.Select(c => c.Id).ToList(), now, cancellationToken);
                alerts.Raise(db, customer, customer.RiskScore, score, now, recentAlerts, options.Value);
            }
        }
        return entries;
    }

    public static ChurnFeatures FeaturesOf(ChurnCustomer c) => new(c.Age, c.Tenure, c.Balance, c.Products, c.CreditCard, c.Active, c.Salary);
}
