using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

/// <summary>
/// One client's features as the engine describes them (JSON of <c>ClientFeatures</c>), with the data version they were built
/// for: the one-client answers use them only while that version is current. One row per client, rebuilt with the statistics.
/// </summary>
public sealed class StoredClientFeatures : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int ClientCode { get; set; }
    public long DataVersion { get; set; }
    public required string Features { get; set; }
}
