using Clientele.Visitors.Shared;

namespace Clientele.Visitors.Persons;

/// <summary>The seed's POST answer, plus the decision, the distance it was taken at and the visit.</summary>
public sealed record UploadView(
    Guid Id, float[]? Vector, string? Image, int? Age, string? Gender, string? Emotion, string? BodyType, string? EntryTime, string? ExitTime,
    string Decision, float? Distance, Guid VisitId);

/// <summary>A person as the list shows it (never the vector).</summary>
public sealed record PersonView(
    Guid Id, string? FullName, string? PhoneNumber, int? Age, string? Gender, string? Emotion, string? BodyType,
    string? EntryTime, string? ExitTime, string? CreatedAt, string? UpdatedAt)
{
    public static PersonView Of(Person person) => new(person.Id, person.FullName, person.PhoneNumber, person.Age, person.Gender, person.Emotion,
        person.BodyType, VisitorsResults.Iso(person.EntryTime), VisitorsResults.Iso(person.ExitTime), VisitorsResults.Iso(person.CreatedAt),
        VisitorsResults.Iso(person.UpdatedAt));
}

/// <summary>The person of a <c>person_joined</c> event, exactly the seed's fields.</summary>
public sealed record JoinedPerson(Guid Id, string? FullName, int? Age, string? Gender, string? Emotion, string? BodyType)
{
    public static JoinedPerson Of(Person person) => new(person.Id, person.FullName, person.Age, person.Gender, person.Emotion, person.BodyType);
}
