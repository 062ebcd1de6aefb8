using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Events;

/// <summary>
/// An event waiting to leave the module: written by the same SaveChanges (so the same transaction) as the change that
/// caused it, then dispatched to WebSocket subscribers, webhooks and e-mail. <see cref="EventId"/> is the idempotency key.
/// </summary>
public sealed class OutboxMessage : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid EventId { get; set; } = Guid.NewGuid();
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
