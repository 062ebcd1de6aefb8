using Clientele.Platform.Tenancy;

namespace Clientele.Visitors.Privacy;

/// <summary>Who viewed, changed, merged or deleted an identifiable person, and when.</summary>
public sealed class AuditEntry : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Action { get; set; }
    public Guid? PersonId { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
}
