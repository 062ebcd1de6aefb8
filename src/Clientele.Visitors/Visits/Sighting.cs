using Clientele.Platform.Tenancy;

namespace Clientele.Visitors.Visits;

/// <summary>The audit of one frame's decision: what was decided, why, how close, the runner-up and the profile version.</summary>
public sealed class Sighting : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid VisitId { get; set; }
    public Guid? DeviceId { get; set; }
    public required string Decision { get; set; }
    public required string Reason { get; set; }
    public float? Distance { get; set; }
    public Guid? NearestPersonId { get; set; }
    public float? SecondDistance { get; set; }
    public Guid? SecondPersonId { get; set; }
    public float? Margin { get; set; }
    public int ProfileVersion { get; set; }
    public DateTimeOffset At { get; set; }
}
