using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Events.Email;

/// <summary>An alert e-mail for one event, kept until SMTP accepts it (retried like a webhook). Unique per event.</summary>
public sealed class EmailAlert : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; } = DateTimeOffset.UtcNow;
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? SentAt { get; set; }
}
