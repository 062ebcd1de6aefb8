using Clientele.Platform.Tenancy;

namespace Clientele.Visitors.Visits;

/// <summary>
/// One stay: the frames of a person between entry and exit. The demographic fields are copied from the frames, so the
/// counts survive when the person is erased (then <see cref="PersonId"/> is null).
/// </summary>
public sealed class Visit : IOrganizationOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? PersonId { get; set; }
    public DateTimeOffset EntryTime { get; set; }
    public DateTimeOffset ExitTime { get; set; }
    public int Frames { get; set; }
    public bool Returning { get; set; }
    public bool Probable { get; set; }
    public int? Age { get; set; }
    public string? Gender { get; set; }
    public string? Emotion { get; set; }
    public string? BodyType { get; set; }
}
