using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Leads;

/// <summary>Someone who answered an ad. Attributed to the ad's campaign and niche (or a channel's campaign) when it arrives.</summary>
public sealed class Lead : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid? AdId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? NicheId { get; set; }
    public required string Name { get; set; }

    /// <summary>The seed's display form, <c>+7 777 123 4567</c>; null when the lead left no phone.</summary>
    public string? Phone { get; set; }

    /// <summary>The de-duplication key, <c>+77771234567</c>.</summary>
    public string? PhoneE164 { get; set; }

    public required string Source { get; set; }
    public string? PlatformUserId { get; set; }
    public decimal? Budget { get; set; }
    public string? Notes { get; set; }
    public string Status { get; set; } = LeadStatuses.New;

    /// <summary>True once a person set the status: the bot's assessment no longer moves it.</summary>
    public bool StatusSetByHuman { get; set; }

    public int? QualityScore { get; set; }

    /// <summary>The bot's latest assessment (reason and one explanation per factor) as JSON.</summary>
    public string? Qualification { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
