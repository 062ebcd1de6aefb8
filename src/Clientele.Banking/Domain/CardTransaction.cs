using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

/// <summary>A card payment. <see cref="OccurredAt"/> is the bank's local wall-clock time, as in the source files.</summary>
public sealed class CardTransaction : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int ClientCode { get; set; }
    public DateTime OccurredAt { get; set; }
    public required string Category { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public decimal AmountKzt { get; set; }
}
