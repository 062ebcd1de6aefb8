using System.Security.Claims;
using Clientele.Platform.Modules;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Privacy;
using Clientele.Visitors.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Persons;

/// <summary>
/// Repairs (extensions): a merge moves the absorbed person's exemplars, visits, carts and decisions to the kept one; a split
/// moves one visit, and the exemplars learned in it, off a person to a new one.
/// </summary>
public static class MergeEndpoints
{
    public sealed record MergeRequest(string? Kept = null, string? Absorbed = null);

    public sealed record SplitRequest(string? VisitId = null);

    public static void Map(RouteGroupBuilder visitors)
    {
        visitors.MapPost("/api/client/persons/merge/", MergeAsync).RequireWriteAccess(VisitorsModule.Name)
            .WithTags("Persons").WithName("VisitorsMergePersons").WithSummary("Merges two persons of the organization into the kept one.");
        visitors.MapPost("/api/client/person/{person_id}/split/", SplitAsync).RequireWriteAccess(VisitorsModule.Name)
            .WithTags("Persons").WithName("VisitorsSplitPerson").WithSummary("Moves one visit of the person, and what was learned in it, to a new person.");
    }

    public static async Task<IResult> MergeAsync(MergeRequest request, VisitorsDbContext db, Galleries galleries, Images images, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var keptId = VisitorsResults.IdOf(request.Kept ?? "");
        var absorbedId = VisitorsResults.IdOf(request.Absorbed ?? "");
        if (keptId is null || absorbedId is null || keptId == absorbedId)
        {
            return VisitorsResults.Invalid("absorbed", "Give two different persons, kept and absorbed.");
        }
        if (await db.Persons.CountAsync(p => p.Id == keptId || p.Id == absorbedId, cancellationToken) != 2)
        {
            return VisitorsResults.NotFound();
        }
        var kept = await galleries.WriteAsync(db, async (engine, _) =>
        {
            var merged = engine.Merge(keptId.Value, absorbedId.Value);
            await db.Exemplars.Where(x => x.PersonId == absorbedId).ExecuteUpdateAsync(set => set.SetProperty(x => x.PersonId, keptId.Value), cancellationToken);
            await db.Exemplars.Where(x => merged.DroppedExemplarIds.Contains(x.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.Visits.Where(v => v.PersonId == absorbedId).ExecuteUpdateAsync(set => set.SetProperty(v => v.PersonId, keptId), cancellationToken);
            await db.Carts.Where(c => c.PersonId == absorbedId).ExecuteUpdateAsync(set => set.SetProperty(c => c.PersonId, keptId), cancellationToken);
            await db.Sightings.Where(s => s.PersonId == absorbedId).ExecuteUpdateAsync(set => set.SetProperty(s => s.PersonId, keptId), cancellationToken);
            var person = await db.Persons.SingleAsync(p => p.Id == keptId, cancellationToken);
            var absorbed = await db.Persons.SingleAsync(p => p.Id == absorbedId, cancellationToken);
            var state = engine.Find(person.Id)!;
            (person.Status, person.ConfidentVisits, person.FirstSeen, person.LastSeen) = (state.Status, state.ConfidentVisits, state.FirstSeen, state.LastSeen);
            person.FullName ??= absorbed.FullName;
            person.PhoneNumber ??= absorbed.PhoneNumber;
            person.CreatedAt = person.CreatedAt < absorbed.CreatedAt ? person.CreatedAt : absorbed.CreatedAt;
            person.UpdatedAt = DateTimeOffset.UtcNow;
            db.Persons.Remove(absorbed);
            Audit.Record(db, user, Audit.Merged, keptId);
            Audit.Record(db, user, Audit.Merged, absorbedId);
            return person;
        }, cancellationToken);
        images.Delete(db.CurrentOrganizationId, absorbedId.Value);
        return TypedResults.Ok(PersonView.Of(kept));
    }

    public static async Task<IResult> SplitAsync(string person_id, SplitRequest request, VisitorsDbContext db, Galleries galleries, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (VisitorsResults.IdOf(person_id) is not { } personId || await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) is not { } source)
        {
            return VisitorsResults.NotFound();
        }
        if (VisitorsResults.IdOf(request.VisitId ?? "") is not { } visitId || !await db.Visits.AnyAsync(v => v.Id == visitId && v.PersonId == personId, cancellationToken))
        {
            return VisitorsResults.Invalid("visit_id", "Give a visit of this person.");
        }
        var exemplarIds = await db.Exemplars.Where(x => x.PersonId == personId && x.VisitId == visitId).Select(x => x.Id).ToListAsync(cancellationToken);
        var total = await db.Exemplars.CountAsync(x => x.PersonId == personId, cancellationToken);
        if (exemplarIds.Count == 0 || exemplarIds.Count == total)
        {
            return VisitorsResults.Invalid("visit_id", "The visit must hold some, not all, of the person's exemplars.");
        }
        var created = await galleries.WriteAsync(db, async (engine, _) =>
        {
            var split = engine.Split(personId, exemplarIds);
            var state = engine.Find(split.NewPersonId)!;
            var person = new Person
            {
                Id = split.NewPersonId, Age = source.Age, Gender = source.Gender, Emotion = source.Emotion, BodyType = source.BodyType,
                Status = state.Status, ConfidentVisits = state.ConfidentVisits, FirstSeen = state.FirstSeen, LastSeen = state.LastSeen,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Persons.Add(person);
            await db.SaveChangesAsync(cancellationToken);
            await db.Exemplars.Where(x => exemplarIds.Contains(x.Id)).ExecuteUpdateAsync(set => set.SetProperty(x => x.PersonId, person.Id), cancellationToken);
            await db.Visits.Where(v => v.Id == visitId).ExecuteUpdateAsync(set => set.SetProperty(v => v.PersonId, person.Id), cancellationToken);
            await db.Sightings.Where(s => s.VisitId == visitId).ExecuteUpdateAsync(set => set.SetProperty(s => s.PersonId, person.Id), cancellationToken);
            Audit.Record(db, user, Audit.Split, personId);
            return person;
        }, cancellationToken);
        return TypedResults.Created((string?)null, PersonView.Of(created));
    }
}
