using Clientele.Churn.Customers;
using Clientele.Churn.Scoring;

namespace Clientele.Churn;

/// <summary><c>Clientele:Churn</c>.</summary>
public sealed class ChurnOptions
{
    public RiskBands Bands { get; set; } = new();

    /// <summary>How models are trained (trees, leaves, folds, background rows…); the defaults are the ones measured in docs/performance.md.</summary>
    public TrainingSettings Training { get; set; } = new();

    /// <summary>Access tokens are short-lived; a refresh token lives a day from its issue and is good for one refresh.</summary>
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenHours { get; set; } = 24;

    /// <summary>High risk at or above this score (the original's 0.7).</summary>
    public double HighRiskThreshold { get; set; } = 0.7;

    /// <summary>A rise of more than this many percent over the customer's previous score is a sharp rise (the original's 20 %).</summary>
    public double IncreasePercent { get; set; } = 20;

    /// <summary>After an alert of one type for one customer, the same alert is not raised again for this long.</summary>
    public double AlertCooldownHours { get; set; } = 24;

    /// <summary>At most this many alerts are sent per organization and hour; the rest are recorded as not sent (the original capped at 30 a minute).</summary>
    public int MaxAlertsPerHour { get; set; } = 500;

    /// <summary>How often every customer is re-scored; 0 turns the sweep off.</summary>
    public double SweepMinutes { get; set; } = 60;

    /// <summary>A feature whose population stability index against the training baseline passes this has drifted.</summary>
    public double DriftPsi { get; set; } = 0.2;

    /// <summary>A challenger is promoted when its cross-validated AUC is at least the champion's minus this.</summary>
    public double PromotionTolerance { get; set; } = 0.005;
}
