using Clientele.Platform.Tenancy;
using Clientele.Visitors.Recognition;

namespace Clientele.Visitors.Persons;

/// <summary>A visitor recognised by face vectors. The seed's fields plus the engine's state (status, confident visits, last seen) and consent.</summary>
public sealed class Person : IOrganizationOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string? FullName { get; set; }
    public string? PhoneNumber { get; set; }
    public string? Image { get; set; }
    public int? Age { get; set; }
    public string? Gender { get; set; }
    public string? Emotion { get; set; }
    public string? BodyType { get; set; }
    public DateTimeOffset? EntryTime { get; set; }
    public DateTimeOffset? ExitTime { get; set; }
    public PersonStatus Status { get; set; }
    public int ConfidentVisits { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public bool Consent { get; set; }
    public bool Staff { get; set; }
    public DateTimeOffset? ConsentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
