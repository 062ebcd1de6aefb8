using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Ads;

/// <summary>One listing or post of a campaign (an OLX ad, a Telegram post); leads that answer it carry its id.</summary>
public sealed class Ad : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid CampaignId { get; set; }
    public required string Title { get; set; }
    public string? Url { get; set; }
    public string? ExternalId { get; set; }
    public decimal? Price { get; set; }
    public string Status { get; set; } = AdStatuses.Draft;
    public DateTimeOffset CreatedAt { get; set; }
}

public static class AdStatuses
{
    public const string Draft = "draft";
    public static readonly IReadOnlyList<string> All = [Draft, "published", "active", "expired", "banned", "deleted"];
}
