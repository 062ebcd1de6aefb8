using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Leads;

/// <summary>One message of a lead's conversation (the seed's <c>conversations</c>).</summary>
public sealed class LeadMessage : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid LeadId { get; set; }
    public required string Message { get; set; }
    public required string Sender { get; set; }
    public required string Platform { get; set; }

    /// <summary>The script step a bot message asked (need, timeline, budget, …).</summary>
    public string? Step { get; set; }

    /// <summary>The message's id on Telegram or WhatsApp: a delivery seen twice is stored once.</summary>
    public string? PlatformMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>For a reply that goes out to Telegram or WhatsApp (<see cref="Channels.DeliveryStatuses"/>); null for one that stays here.</summary>
    public string? DeliveryStatus { get; set; }

    public int DeliveryAttempts { get; set; }
    public string? DeliveryError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
