using Clientele.Churn.Alerts;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Scoring;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Predictions;

/// <summary>
/// Scores customers with the organization's active model: the customer's current score, one history row per score, and the
/// alerts the new score calls for, saved together. With no model yet, nothing is scored.
/// An explanation costs 1–5 ms (as much as scoring a thousand customers), so bulk scoring (batch, sweep) stores none and the
/// customer page works them out when it shows a point (<see cref="Explanations"/>).
/// </summary>
public sealed class CustomerScoring(ActiveModels models, AlertRules alerts, TimeProvider time, IOptions<ChurnOptions> options)
{
    public async Task<IReadOnlyList<RiskHistoryEntry>> ScoreAsync(
        ChurnDbContext db, IReadOnlyList<ChurnCustomer> customers, string source, CancellationToken cancellationToken, bool explain = true)
    {
        if (customers.Count == 0 || await models.ActiveAsync(db, cancellationToken) is not { } served)
        {
            return [];
        }
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
            var entry = new RiskHistoryEntry
            {
                CustomerId = customer.Id, Score = score, Timestamp = now, Day = DateOnly.FromDateTime(now.UtcDateTime), ModelVersion = served.Version, Source = source,
                FeaturesJson = RiskPoints.FeaturesJson(features[index]), FactorsJson = RiskPoints.FactorsJson(factors),
            };
            if (AlertRules.Triggers(customer.RiskScore, score, options.Value))
            {
                recentAlerts ??= await alerts.RecentAsync(db, customers.Select(c => c.Id).ToList(), now, cancellationToken);
                alerts.Raise(db, customer, customer.RiskScore, score, now, recentAlerts, options.Value);
            }
            customer.RiskScore = score;
            customer.ModelVersion = served.Version;
            customer.LastUpdated = now;
            db.RiskHistory.Add(entry);
            entries.Add(entry);
        }
        await db.SaveChangesAsync(cancellationToken);
        return entries;
    }

    public static ChurnFeatures FeaturesOf(ChurnCustomer c) => new(c.Age, c.Tenure, c.Balance, c.Products, c.CreditCard, c.Active, c.Salary);
}
