using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

/// <summary>An organization's population statistics (the engine's bytes) and the data version they describe; one row per organization.</summary>
public sealed class StoredPopulationStats : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public long DataVersion { get; set; }
    public int Clients { get; set; }
    public int Signals { get; set; }
    public required byte[] Values { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}
