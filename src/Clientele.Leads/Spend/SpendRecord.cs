using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Spend;

/// <summary>Money paid for a campaign's traffic (an OLX promotion, a Kaspi ad), in tenge, optionally for one ad.</summary>
public sealed class SpendRecord : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid? AdId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
