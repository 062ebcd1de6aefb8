using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Events.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Not tried yet, or reset for a manual re-delivery.</summary>
    Pending,
    Succeeded,

    /// <summary>The last attempt failed; another is due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Every attempt failed (dead letter); only a manual re-delivery sends it again.</summary>
    Dead,
}

/// <summary>One event for one subscription, and the log of trying to deliver it. Unique per (event, subscription).</summary>
public sealed class WebhookDelivery : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }

    /// <summary>The envelope JSON, sent as the body.</summary>
    public required string Payload { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }

    /// <summary>When a worker may take it; while a worker sends it, the end of that worker's lease.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; } = DateTimeOffset.UtcNow;

    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? DeliveredAt { get; set; }
}
