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

/// <summary>Repair of a split identity (extension): the absorbed person's exemplars, visits, carts and decisions move to the kept one.</summary>
public static class MergeEndpoints
{
    public sealed record MergeRequest(string? Kept = null, string? Absorbed = null);

    public static void Map(RouteGroupBuilder visitors)
    {
        visitors.MapPost("/api/client/persons/merge/", MergeAsync).RequireWriteAccess(VisitorsModule.Name)
            .WithTags("Persons").WithName("VisitorsMergePersons").WithSummary("Merges two persons of the organization into the kept one.");
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
}
