using System.Security.Claims;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.RateLimits;
using Clientele.Platform.Tenancy;
using Clientele.Visitors.Auth;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Recognition;
using Clientele.Visitors.Settings;
using Clientele.Visitors.Shared;
using Clientele.Visitors.Visits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Persons;

/// <summary><c>POST /api/client/person/</c>: a camera reports a face; the engine decides who it is and which visit it belongs to.</summary>
public static class UploadEndpoints
{
    public const string CameraPolicy = "camera";
    public const string JoinedEvent = "person_joined";
    public const string UnknownKey = "Организация с указанным ключом не найдена.";

    public static void Map(RouteGroupBuilder visitors)
    {
        visitors.MapPost("/api/client/person/", UploadAsync)
            .AllowAnonymous()
            .WithBodySizeLimit(PersonFields.MaxImageBytes + 64 * 1024)
            .WithFormOptions(multipartBodyLengthLimit: PersonFields.MaxImageBytes + 64 * 1024, valueCountLimit: 32)
            .WithRateLimitPolicy(CameraPolicy)
            .DisableAntiforgery()
            .WithTags("Persons")
            .WithName("VisitorsUploadPerson")
            .WithSummary("A face seen by a camera: the person it is (created, matched or probable), with its visit.");
    }

    public static async Task<IResult> UploadAsync(HttpRequest request, ClaimsPrincipal user, TenantContext tenant, VisitorsDbContext db,
        Galleries galleries, Images images, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ModuleAccess.Allows(user, VisitorsModule.Name, Access.Write))
        {
            if (request.HasFormContentType && (await request.ReadUploadAsync(1, cancellationToken)).Form is { } form
                && !string.IsNullOrEmpty(form[DeviceAuthentication.KeyField]))
            {
                return VisitorsResults.Invalid(DeviceAuthentication.KeyField, UnknownKey);
            }
            return VisitorsResults.Error(user.Identity?.IsAuthenticated == true ? ErrorKind.Forbidden : ErrorKind.Unauthorized);
        }
        if (!request.HasFormContentType && !request.HasJsonContentType())
        {
            return VisitorsResults.Error(ErrorKind.UnsupportedMediaType, $"Unsupported media type \"{request.ContentType}\" in request.");
        }
        var (upload, errors) = await PersonUpload.ReadAsync(request, cancellationToken);
        if (upload is null)
        {
            return VisitorsResults.Invalid(errors);
        }
        var deviceId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } caller && caller.StartsWith("device:", StringComparison.Ordinal)
            && Guid.TryParse(caller["device:".Length..], out var device) ? device : (Guid?)null;
        var at = upload.EntryTime ?? time.GetUtcNow();
        var settings = await Galleries.SettingsAsync(db, cancellationToken);
        if (settings.BiometricMode == BiometricMode.Off)
        {
            return VisitorsResults.Error(ErrorKind.Forbidden, "Face recognition is switched off for this organization.");
        }
        var (person, decision) = await galleries.WriteAsync(db, async (engine, _) =>
        {
            var decision = engine.Observe(upload.Vector, at);
            var person = await RecordAsync(db, engine, decision, upload, settings, deviceId, at, cancellationToken);
            if (upload.Image is not null && decision.Decision != Decision.Probable && settings.BiometricMode == BiometricMode.Identify)
            {
                person.Image = await images.SaveAsync(tenant.OrganizationId, person.Id, upload, cancellationToken);
            }
            if (decision.StartsVisit && !person.Staff)
            {
                db.Publish(JoinedEvent, new { person = JoinedPerson.Of(person) });
            }
            return (person, decision);
        }, cancellationToken);
        return TypedResults.Ok(new UploadView(person.Id, upload.Vector, person.Image, upload.Age ?? person.Age, upload.Gender ?? person.Gender,
            upload.Emotion ?? person.Emotion, upload.BodyType ?? person.BodyType, VisitorsResults.Iso(upload.EntryTime ?? person.EntryTime),
            VisitorsResults.Iso(upload.ExitTime ?? person.ExitTime), decision.Decision.ToString().ToLowerInvariant(), decision.Distance, decision.VisitId));
    }

    /// <summary>Stores what the decision changed: the person, the visit, the exemplar learned or retired, and the audit row.</summary>
    private static async Task<Person> RecordAsync(VisitorsDbContext db, Reidentifier engine, MatchDecision decision, PersonUpload upload,
        VisitorSettings settings, Guid? deviceId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var person = decision.Decision == Decision.Created ? null : await db.Persons.FirstOrDefaultAsync(p => p.Id == decision.PersonId, cancellationToken);
        if (person is null)
        {
            person = new Person { Id = decision.PersonId, CreatedAt = now, FirstSeen = at };
            db.Persons.Add(person);
        }
        if (decision.Decision != Decision.Probable)
        {
            person.Age = upload.Age ?? person.Age;
            person.Gender = upload.Gender ?? person.Gender;
            person.Emotion = upload.Emotion ?? person.Emotion;
            person.BodyType = upload.BodyType ?? person.BodyType;
            if (decision.StartsVisit || person.EntryTime is null)
            {
                person.EntryTime = at;
            }
            person.ExitTime = upload.ExitTime ?? at;
            person.UpdatedAt = now;
        }
        if (engine.Find(person.Id) is { } state)
        {
            (person.Status, person.ConfidentVisits, person.FirstSeen, person.LastSeen) = (state.Status, state.ConfidentVisits, state.FirstSeen, state.LastSeen);
        }

        var visit = decision.StartsVisit ? null : await db.Visits.FirstOrDefaultAsync(v => v.Id == decision.VisitId, cancellationToken);
        if (visit is null)
        {
            visit = new Visit
            {
                Id = decision.VisitId, PersonId = person.Id, EntryTime = at, ExitTime = at,
                Returning = decision.Decision != Decision.Created, Probable = decision.Decision == Decision.Probable,
            };
            db.Visits.Add(visit);
        }
        visit.Frames++;
        var exit = upload.ExitTime is { } sent && sent > at ? sent : at;
        visit.ExitTime = exit > visit.ExitTime ? exit : visit.ExitTime;
        visit.Age ??= upload.Age;
        visit.Gender ??= upload.Gender;
        visit.Emotion ??= upload.Emotion;
        visit.BodyType ??= upload.BodyType;

        if (decision.Learned is { } learned && settings.BiometricMode == BiometricMode.Identify)
        {
            db.Exemplars.Add(new Exemplar
            {
                Id = learned.Id, PersonId = person.Id, VisitId = learned.VisitId, Vector = VectorBytes.From(learned.Vector), AddedAt = learned.AddedAt,
            });
        }
        if (decision.RetiredExemplarId is { } retired)
        {
            await db.Exemplars.Where(x => x.Id == retired).ExecuteDeleteAsync(cancellationToken);
        }
        db.Sightings.Add(new Sighting
        {
            PersonId = person.Id, VisitId = visit.Id, DeviceId = deviceId, Decision = decision.Decision.ToString().ToLowerInvariant(),
            Reason = decision.Reason.ToString(), Distance = decision.Distance, NearestPersonId = decision.NearestPersonId,
            SecondDistance = decision.SecondDistance, SecondPersonId = decision.SecondPersonId, Margin = decision.Margin,
            ProfileVersion = decision.ProfileVersion, At = at,
        });
        return person;
    }
}
