using Clientele.Platform.Tenancy;

namespace Clientele.Visitors.Devices;

/// <summary>A camera: its key is sent as <c>X-Device-Key</c>; only a SHA-256 of it is stored, as with API keys.</summary>
public sealed class Device : IOrganizationOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
