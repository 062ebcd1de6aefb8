using Clientele.Platform.Tenancy;

namespace Clientele.Visitors.Persons;

/// <summary>One stored face vector of a person (512 bytes of little-endian floats), learned in a visit.</summary>
public sealed class Exemplar : IOrganizationOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid VisitId { get; set; }
    public required byte[] Vector { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
