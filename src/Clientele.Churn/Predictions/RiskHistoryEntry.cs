using Clientele.Platform.Tenancy;

namespace Clientele.Churn.Predictions;

/// <summary>One score of one customer: what the model saw, which version said it, and why (its top factors as JSON).</summary>
public sealed class RiskHistoryEntry : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int CustomerId { get; set; }
    public double Score { get; set; }
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>The UTC date of <see cref="Timestamp"/>, so the daily trend groups in SQL on either database.</summary>
    public DateOnly Day { get; set; }
    public required string ModelVersion { get; set; }
    public required string FeaturesJson { get; set; }
    public required string FactorsJson { get; set; }

    /// <summary>predict, batch, sweep or customer (created or updated).</summary>
    public required string Source { get; set; }
}
