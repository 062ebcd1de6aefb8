using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

/// <summary>
/// One row per organization: a number every import (or other change of clients and their activity) raises, and the
/// database-level guard that lets one instance at a time build the population statistics (an expiring lease).
/// </summary>
public sealed class DataVersion : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string? StatsBuilder { get; set; }
    public DateTimeOffset? StatsLeaseUntil { get; set; }
}
