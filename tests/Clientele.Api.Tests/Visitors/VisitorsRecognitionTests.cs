using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Frames of one stay make one visit, a return hours later is the same person, and a look-alike is never learned from.</summary>
public sealed class VisitorsRecognitionTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    [DatabaseFact]
    public async Task Twenty_noisy_frames_of_one_person_make_one_person_and_one_visit()
    {
        var organization = await NewOrganizationAsync(server);
        var faces = new Faces(11);
        var identity = faces.Identity();

        var answers = new List<System.Text.Json.JsonElement>();
        for (var frame = 0; frame < 20; frame++)
        {
            answers.Add(await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddSeconds(5 * frame)));
        }

        Assert.Equal("created", answers[0].GetProperty("decision").GetString());
        Assert.All(answers.Skip(1), answer => Assert.Equal("matched", answer.GetProperty("decision").GetString()));
        Assert.Single(answers.Select(answer => answer.GetProperty("id").GetString()).Distinct());
        Assert.Single(answers.Select(answer => answer.GetProperty("visit_id").GetString()).Distinct());
        var visits = await QueryAsync(server, organization.Id, db => db.Visits.ToListAsync());
        var visit = Assert.Single(visits);
        Assert.Equal(20, visit.Frames);
        Assert.Equal(TimeSpan.FromSeconds(95), visit.ExitTime - visit.EntryTime);
        Assert.False(visit.Returning);
        Assert.Equal(1, await QueryAsync(server, organization.Id, db => db.Persons.CountAsync()));
        Assert.Equal(20, await QueryAsync(server, organization.Id, db => db.Sightings.CountAsync()));
    }

    [DatabaseFact]
    public async Task Two_visits_hours_apart_make_one_person_and_two_visits()
    {
        var organization = await NewOrganizationAsync(server);
        var faces = new Faces(12);
        var identity = faces.Identity();
        var stranger = faces.Identity();

        var first = await SendFrameAsync(server, organization, faces.Frame(identity), Start);
        await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddSeconds(10));
        var other = await SendFrameAsync(server, organization, faces.Frame(stranger), Start.AddMinutes(1));
        var back = await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddHours(3));
        await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddHours(3).AddSeconds(10));

        Assert.Equal("created", other.GetProperty("decision").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), other.GetProperty("id").GetString());
        Assert.Equal("matched", back.GetProperty("decision").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), back.GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("visit_id").GetString(), back.GetProperty("visit_id").GetString());
        var personId = Guid.Parse(first.GetProperty("id").GetString()!);
        var visits = await QueryAsync(server, organization.Id, db => db.Visits.Where(v => v.PersonId == personId).OrderBy(v => v.EntryTime).ToListAsync());
        Assert.Equal(2, visits.Count);
        Assert.Equal([false, true], visits.Select(v => v.Returning));
        Assert.Equal([2, 2], visits.Select(v => v.Frames));
        Assert.Equal(2, await QueryAsync(server, organization.Id, db => db.Persons.CountAsync()));
    }

    [DatabaseFact]
    public async Task A_look_alike_in_the_probable_band_attaches_but_is_not_learned_from()
    {
        var organization = await NewOrganizationAsync(server);
        var faces = new Faces(13);
        var identity = faces.Identity();
        var first = await SendFrameAsync(server, organization, identity, Start);
        var personId = Guid.Parse(first.GetProperty("id").GetString()!);
        var exemplarsBefore = await QueryAsync(server, organization.Id, db => db.Exemplars.Where(x => x.PersonId == personId).Select(x => x.Id).ToListAsync());

        var lookAlike = await SendFrameAsync(server, organization, faces.At(identity, 0.55f), Start.AddMinutes(10));

        Assert.Equal("probable", lookAlike.GetProperty("decision").GetString());
        Assert.Equal(personId.ToString(), lookAlike.GetProperty("id").GetString());
        Assert.InRange(lookAlike.GetProperty("distance").GetSingle(), 0.5f, 0.6f);
        Assert.Equal(exemplarsBefore, await QueryAsync(server, organization.Id, db => db.Exemplars.Where(x => x.PersonId == personId).Select(x => x.Id).ToListAsync()));
        var sighting = await QueryAsync(server, organization.Id, db => db.Sightings.OrderByDescending(s => s.At).FirstAsync());
        Assert.Equal("probable", sighting.Decision);
        Assert.Equal(1, sighting.ProfileVersion);
        var visit = await QueryAsync(server, organization.Id, db => db.Visits.SingleAsync(v => v.Probable));
        Assert.Equal(personId, visit.PersonId);
    }

    [DatabaseFact]
    public async Task A_look_alike_not_seen_recently_starts_a_new_person()
    {
        var organization = await NewOrganizationAsync(server);
        var faces = new Faces(14);
        var identity = faces.Identity();
        var first = await SendFrameAsync(server, organization, identity, Start);

        var lookAlike = await SendFrameAsync(server, organization, faces.At(identity, 0.55f), Start.AddHours(2));

        Assert.Equal("created", lookAlike.GetProperty("decision").GetString());
        Assert.NotEqual(first.GetProperty("id").GetString(), lookAlike.GetProperty("id").GetString());
    }
}
