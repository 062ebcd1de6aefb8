using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Campaigns;

/// <summary>Paid traffic for one niche on one platform; its spend is the sum of its spend records.</summary>
public sealed class Campaign : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid NicheId { get; set; }
    public required string Name { get; set; }
    public required string Platform { get; set; }
    public string Status { get; set; } = CampaignStatuses.Draft;
    public decimal Budget { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class Platforms
{
    public static readonly IReadOnlyList<string> All = ["olx", "kaspi", "telegram", "whatsapp"];
}
