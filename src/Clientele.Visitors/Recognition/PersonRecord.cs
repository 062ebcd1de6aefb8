namespace Clientele.Visitors.Recognition;

/// <summary>Provisional until seen again in a later visit; returning-visitor figures count confirmed persons only.</summary>
public enum PersonStatus
{
    Provisional,
    Confirmed,
}

/// <summary>One stored face vector of a person and the visit it was learned in.</summary>
public sealed record ExemplarRecord(Guid Id, float[] Vector, DateTimeOffset AddedAt, Guid VisitId);

/// <summary>A person as the API layer stores it and hands back to rebuild the engine.</summary>
/// <remarks><c>ConfidentVisits</c>: Visits in which the person was recognised confidently, the first one included.</remarks>
public sealed record PersonRecord(
    Guid Id,
    PersonStatus Status,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int ConfidentVisits,
    IReadOnlyList<ExemplarRecord> Exemplars);
