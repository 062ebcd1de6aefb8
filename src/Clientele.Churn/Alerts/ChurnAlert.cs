using Clientele.Platform.Tenancy;

namespace Clientele.Churn.Alerts;

/// <summary>
/// One alert and the outcome of sending it. <see cref="EventId"/> is the outbox event that carries it to webhooks and e-mail; an
/// alert that was not sent (hourly cap, nobody to send to) says why in <see cref="ErrorMessage"/>.
/// </summary>
public sealed class ChurnAlert : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int? CustomerId { get; set; }
    public required string AlertType { get; set; }
    public required string Message { get; set; }
    public bool WasSent { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? EventId { get; set; }
}
