using System.Text.Json;

namespace Clientele.Platform.Events.Webhooks;

/// <summary><c>event_types</c> defaults to <c>["*"]</c> (every event).</summary>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string>? EventTypes = null, string? Description = null, bool Active = true);

/// <summary>Absent fields stay as they are; a new URL is checked and verified like a new subscription's.</summary>
public sealed record UpdateWebhookRequest(string? Url = null, IReadOnlyList<string>? EventTypes = null, string? Description = null, bool? Active = null);

public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static WebhookView Of(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypeList, s.Description, s.Active, s.CreatedAt, s.UpdatedAt);
}

/// <summary>The answer to a creation: the only time the signing secret is shown.</summary>
public sealed record CreatedWebhook(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Secret);

public sealed record DeliveryView(
    Guid Id, Guid SubscriptionId, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset? NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeliveredAt, JsonElement Payload)
{
    public static DeliveryView Of(WebhookDelivery d)
    {
        using var payload = JsonDocument.Parse(d.Payload);
        return new(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError,
            d.CreatedAt, d.UpdatedAt, d.DeliveredAt, payload.RootElement.Clone());
    }
}

public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Items, int Total, int Page, int PageSize);
