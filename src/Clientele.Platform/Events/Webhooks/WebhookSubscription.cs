using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>An organization's webhook: where to POST which event types (<c>*</c> = all), signed with <see cref="Secret"/>.</summary>
public sealed class WebhookSubscription : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Url { get; set; }

    /// <summary>Space-separated event types; <c>*</c> matches every type.</summary>
    public required string EventTypes { get; set; }

    public string? Description { get; set; }

    /// <summary>Kept as is because signing needs it; shown once, at creation.</summary>
    public required string Secret { get; set; }

    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Matches(string eventType) => EventTypeList.Any(t => t == "*" || t == eventType);
}
