using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Churn.Alerts;

/// <summary>
/// The original's two triggers: a score at or above the high-risk threshold, and a rise of more than the configured percent over
/// the customer's previous score that ends in the medium band or above. An alert goes out through the outbox (<c>churn.alert</c>, to webhooks, e-mail and WebSockets);
/// the same type for the same customer is not raised again within the cool-down, and past the hourly cap it is recorded as not sent.
/// </summary>
public sealed class AlertRules(Microsoft.Extensions.Options.IOptions<ChurnOptions> settings)
{
    public const string EventType = "churn.alert";
    public const string HighRisk = "HIGH_RISK";
    public const string RiskIncrease = "RISK_INCREASE";
    public const string Drift = "DRIFT";

    /// <summary>The alerts of these customers still inside the cool-down, and how many were sent this past hour.</summary>
    public sealed class Recent(HashSet<(int? Customer, string Type)> cooling, int sentThisHour)
    {
        public HashSet<(int? Customer, string Type)> Cooling { get; } = cooling;
        public int SentThisHour { get; set; } = sentThisHour;
    }

    public async Task<Recent> RecentAsync(ChurnDbContext db, IReadOnlyList<int> customerIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = settings.Value;
        var since = now.AddHours(-options.AlertCooldownHours);
        var hourAgo = now.AddHours(-1);
        var ids = customerIds.Count <= 500 ? customerIds : null;
        var cooling = await db.Alerts.AsNoTracking()
            .Where(a => a.CreatedAt > since && a.WasSent && (ids == null || ids.Contains(a.CustomerId!.Value)))
            .Select(a => new { a.CustomerId, a.AlertType }).Distinct().ToListAsync(cancellationToken);
        var sent = await db.Alerts.CountAsync(a => a.CreatedAt > hourAgo && a.WasSent, cancellationToken);
        return new Recent(cooling.Select(a => (a.CustomerId, a.AlertType)).ToHashSet(), sent);
    }

    /// <summary>Whether a new score calls for an alert at all (before the cool-down and the hourly cap, which need <see cref="Recent"/>).</summary>
    public static bool Triggers(double? previous, double score, ChurnOptions options) => IsHigh(score, options) || IsSharpRise(previous, score, options);

    public void Raise(ChurnDbContext db, ChurnCustomer customer, double? previous, double score, DateTimeOffset now, Recent recent, ChurnOptions options)
    {
        if (IsHigh(score, options))
        {
            Add(db, customer.Id, HighRisk, $"Customer {customer.Name} (#{customer.Id}) has a high churn risk of {score:0.00}", score, previous, now, recent, options);
        }
        if (previous is { } before && IsSharpRise(before, score, options))
        {
            var rise = (score - before) / before * 100;
            Add(db, customer.Id, RiskIncrease,
                $"Churn risk of customer {customer.Name} (#{customer.Id}) rose {rise:0}% from {previous:0.00} to {score:0.00}", score, previous, now, recent, options);
        }
    }

    public void Add(ChurnDbContext db, int? customerId, string type, string message, double? score, double? previous, DateTimeOffset now,
        Recent recent, ChurnOptions options)
    {
        if (!recent.Cooling.Add((customerId, type)))
        {
            return;
        }
        var alert = new ChurnAlert { CustomerId = customerId, AlertType = type, Message = message, CreatedAt = now };
        if (recent.SentThisHour >= options.MaxAlertsPerHour)
        {
            alert.ErrorMessage = $"rate limit exceeded: {options.MaxAlertsPerHour} alerts an hour";
            recent.Cooling.Remove((customerId, type));
        }
        else
        {
            alert.WasSent = true;
            recent.SentThisHour++;
            alert.EventId = db.Publish(EventType, new
            {
                alert_type = type, customer_id = customerId, message, risk_score = score, previous_score = previous,
                created_at = now.UtcDateTime,
            }).EventId;
        }
        db.Alerts.Add(alert);
    }

    private static bool IsHigh(double score, ChurnOptions options) => score >= options.HighRiskThreshold;

    // A rise among low scores (0.02 to 0.03 is +50 %) is noise; it counts once the new score reaches the medium band.
    private static bool IsSharpRise(double? previous, double score, ChurnOptions options) =>
        previous is > 0 && score >= options.Bands.Medium && (score - previous.Value) / previous.Value * 100 > options.IncreasePercent;
}
