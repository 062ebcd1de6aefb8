using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Retention;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Erasure, merge and retention: vectors go, anonymous visit counts stay, and the gallery follows at once.</summary>
public sealed class VisitorsPrivacyTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;
    private static readonly DateTimeOffset Start = new(2026, 10, 5, 12, 0, 0, TimeSpan.Zero);

    [DatabaseFact]
    public async Task Deleting_a_person_erases_its_vectors_keeps_anonymous_visits_and_forgets_the_face()
    {
        var organization = await NewOrganizationAsync(server, "nome-erase");
        var faces = new Faces(61);
        var identity = faces.Identity();
        var id = (await SendFrameAsync(server, organization, faces.Frame(identity), Start)).GetProperty("id").GetString();
        await organization.Client.GetAsync($"{PersonPath}{id}/");

        var deleted = await organization.Client.DeleteAsync($"{PersonPath}{id}/");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((0, 0, 1, 0), await CountsAsync(server, organization.Id));
        Assert.Null(await QueryAsync(server, organization.Id, db => db.Visits.Select(v => v.PersonId).SingleAsync()));
        Assert.Equal(["viewed", "deleted"], await QueryAsync(server, organization.Id, db => db.Audit.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await organization.Client.GetAsync($"{PersonPath}{id}/")).StatusCode);
        var again = await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddHours(2));
        Assert.Equal("created", again.GetProperty("decision").GetString());
        Assert.NotEqual(id, again.GetProperty("id").GetString());
    }

    [DatabaseFact]
    public async Task Merging_moves_visits_and_exemplars_and_the_merged_face_is_recognised()
    {
        var organization = await NewOrganizationAsync(server, "nome-merge");
        var faces = new Faces(62);
        var first = faces.Identity();
        var second = faces.Identity();
        var kept = (await SendFrameAsync(server, organization, first, Start)).GetProperty("id").GetString();
        var absorbed = (await SendFrameAsync(server, organization, second, Start.AddMinutes(1))).GetProperty("id").GetString();

        var merge = await organization.Client.PostAsJsonAsync("/visitors/api/client/persons/merge/", new { kept, absorbed });

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.Equal(kept, (await merge.ReadJsonAsync()).GetProperty("id").GetString());
        var keptId = Guid.Parse(kept!);
        Assert.Equal(2, await QueryAsync(server, organization.Id, db => db.Visits.CountAsync(v => v.PersonId == keptId)));
        Assert.Equal(1, await QueryAsync(server, organization.Id, db => db.Persons.CountAsync()));
        var later = await SendFrameAsync(server, organization, faces.Frame(second), Start.AddHours(3));
        Assert.Equal(kept, later.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await organization.Client.PostAsJsonAsync("/visitors/api/client/persons/merge/", new { kept, absorbed })).StatusCode);
    }

    [DatabaseFact]
    public async Task Splitting_moves_one_visit_and_its_exemplars_to_a_new_person()
    {
        var organization = await NewOrganizationAsync(server, "nome-split");
        var faces = new Faces(64);
        var identity = faces.Identity();
        var first = await SendFrameAsync(server, organization, faces.Frame(identity), Start);
        var second = await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddHours(3));
        var id = first.GetProperty("id").GetString();
        Assert.Equal(id, second.GetProperty("id").GetString());
        var path = $"{PersonPath}{id}/split/";

        var split = await organization.Client.PostAsJsonAsync(path, new { visit_id = second.GetProperty("visit_id").GetString() });

        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        var created = Guid.Parse((await split.ReadJsonAsync()).GetProperty("id").GetString()!);
        var personId = Guid.Parse(id!);
        Assert.Equal(2, await QueryAsync(server, organization.Id, db => db.Persons.CountAsync()));
        Assert.Equal(1, await QueryAsync(server, organization.Id, db => db.Visits.CountAsync(v => v.PersonId == personId)));
        Assert.Equal(1, await QueryAsync(server, organization.Id, db => db.Visits.CountAsync(v => v.PersonId == created)));
        Assert.Equal(1, await QueryAsync(server, organization.Id, db => db.Exemplars.CountAsync(x => x.PersonId == created)));
        Assert.Equal(HttpStatusCode.BadRequest, (await organization.Client.PostAsJsonAsync(path, new { visit_id = Guid.NewGuid() })).StatusCode);
    }

    [DatabaseFact]
    public async Task Retention_deletes_old_vectors_but_keeps_persons_and_visit_counts()
    {
        var organization = await NewOrganizationAsync(server, "nome-retention");
        var faces = new Faces(63);
        var identity = faces.Identity();
        await SendFrameAsync(server, organization, identity, Start);
        var before = await CountsAsync(server, organization.Id);

        int deleted;
        using (var scope = server.Services.CreateScope())
        {
            var sweep = scope.ServiceProvider.GetServices<IRetentionSweep>().Single(s => s.Name == "visitor_vectors");
            deleted = await sweep.SweepAsync(new RetentionOptions(), Start.AddDays(400), CancellationToken.None);
        }

        Assert.True(deleted >= 1);
        Assert.Equal((before.Persons, 0, before.Visits, 0), await CountsAsync(server, organization.Id));
        var again = await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddDays(400));
        Assert.Equal("created", again.GetProperty("decision").GetString());
    }
}

/// <summary>Session-only mode: a stay's vectors join its frames into one visit and are never stored; counts stay, faces do not.</summary>
public sealed class VisitorsSessionOnlyTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;
    private static readonly DateTimeOffset Start = new(2026, 10, 12, 12, 0, 0, TimeSpan.Zero);

    [DatabaseFact]
    public async Task A_stay_is_one_visit_no_vector_is_stored_and_a_later_stay_is_a_new_person()
    {
        var organization = await NewOrganizationAsync(server, "nome-session");
        var faces = new Faces(91);
        var earlier = faces.Identity();
        await SendFrameAsync(server, organization, earlier, Start.AddDays(-1));
        Assert.Equal(1, (await CountsAsync(server, organization.Id)).Exemplars);

        var switched = await organization.Client.PutAsJsonAsync("/visitors/api/client/settings/", new { biometric_mode = "session_only" });
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal(0, (await CountsAsync(server, organization.Id)).Exemplars);

        var identity = faces.Identity();
        var stay = new List<System.Text.Json.JsonElement>();
        for (var frame = 0; frame < 5; frame++)
        {
            stay.Add(await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddSeconds(20 * frame)));
        }
        Assert.Single(stay.Select(answer => answer.GetProperty("id").GetString()).Distinct());
        Assert.Single(stay.Select(answer => answer.GetProperty("visit_id").GetString()).Distinct());
        Assert.All(stay.Skip(1), answer => Assert.Equal("matched", answer.GetProperty("decision").GetString()));
        Assert.Equal(0, (await CountsAsync(server, organization.Id)).Exemplars);

        var later = await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddHours(3));
        var before = await SendFrameAsync(server, organization, faces.Frame(earlier), Start.AddHours(3).AddMinutes(1));

        Assert.Equal("created", later.GetProperty("decision").GetString());
        Assert.NotEqual(stay[0].GetProperty("id").GetString(), later.GetProperty("id").GetString());
        Assert.Equal("created", before.GetProperty("decision").GetString());
        var counts = await CountsAsync(server, organization.Id);
        Assert.Equal((4, 0, 4), (counts.Persons, counts.Exemplars, counts.Visits));
        Assert.Equal(5, await QueryAsync(server, organization.Id, db => db.Visits.Where(v => v.EntryTime == Start).Select(v => v.Frames).SingleAsync()));
        Assert.Equal(0, await QueryAsync(server, organization.Id, db => db.Persons.CountAsync(p => p.Image != null)));
    }
}

/// <summary>The organization's settings and devices (extensions): the mode switch takes effect on the next upload.</summary>
public sealed class VisitorsSettingsTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    [DatabaseFact]
    public async Task Settings_show_the_key_switch_recognition_off_and_a_new_device_key_uploads()
    {
        var organization = await NewOrganizationAsync(server, "nome-settings");
        var reader = server.WithApiKey(await server.CreateApiKeyAsync(organization.Id, "visitors:read"));

        var settings = await (await organization.Client.GetAsync("/visitors/api/client/settings/")).ReadJsonAsync();
        Assert.Equal(organization.PrivateKey, settings.GetProperty("private_key").GetString());
        Assert.Equal("identify", settings.GetProperty("biometric_mode").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/visitors/api/client/settings/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await organization.Client.PutAsJsonAsync("/visitors/api/client/settings/", new { biometric_mode = "always", retention_days = 5000 })).StatusCode);

        var device = await (await organization.Client.PostAsJsonAsync("/visitors/api/client/devices/", new { name = "Вход" })).ReadJsonAsync();
        var camera = server.CreateClient();
        camera.DefaultRequestHeaders.Add("X-Device-Key", device.GetProperty("device_key").GetString());
        var json = System.Text.Json.JsonSerializer.Serialize(new { vector = VectorJson(new Faces(71).Identity()) });
        var upload = await camera.PostAsync(PersonPath, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var off = await organization.Client.PutAsJsonAsync("/visitors/api/client/settings/", new { biometric_mode = "off" });
        Assert.Equal("off", (await off.ReadJsonAsync()).GetProperty("biometric_mode").GetString());
        var refused = await camera.PostAsync(PersonPath, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, (await CountsAsync(server, organization.Id)).Persons);
    }
}
