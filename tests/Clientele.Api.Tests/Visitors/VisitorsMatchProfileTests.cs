using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>The per-organization match profile: shown and changed through the settings, checked as a whole, versioned, and used at once.</summary>
public sealed class VisitorsMatchProfileTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private const string SettingsPath = "/visitors/api/client/settings/";
    private readonly VisitorsServer server = servers.Current;
    private static readonly DateTimeOffset Start = new(2026, 11, 9, 12, 0, 0, TimeSpan.Zero);

    [DatabaseFact]
    public async Task Bad_profiles_are_refused_in_the_error_shape_and_change_nothing()
    {
        var organization = await NewOrganizationAsync(server, "nome-profile-bad");
        var reader = server.WithApiKey(await server.CreateApiKeyAsync(organization.Id, "visitors:read"));
        var before = await (await organization.Client.GetAsync(SettingsPath)).ReadJsonAsync();
        var profile = before.GetProperty("match_profile");
        Assert.Equal(1, profile.GetProperty("version").GetInt32());
        Assert.Equal("euclidean", profile.GetProperty("metric").GetString());
        Assert.Equal(0.5f, profile.GetProperty("confident_distance").GetSingle());
        Assert.Equal(0.6f, profile.GetProperty("probable_distance").GetSingle());
        Assert.Equal(30, profile.GetProperty("recent_window_minutes").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync(SettingsPath, new { match_profile = new { margin = 0.2 } })).StatusCode);
        await AssertRefusedAsync(organization, new { match_profile = new { confident_distance = 0.7 } }, "match_profile.probable_distance");
        await AssertRefusedAsync(organization, new { match_profile = new { confident_distance = 0.3, probable_distance = 0.2 } }, "match_profile.probable_distance");
        await AssertRefusedAsync(organization, new { match_profile = new { confident_distance = 0 } }, "match_profile.confident_distance");
        await AssertRefusedAsync(organization, new { match_profile = new { margin = -0.1 } }, "match_profile.margin");
        await AssertRefusedAsync(organization, new { match_profile = new { probable_distance = 1e30 } }, "match_profile.probable_distance");
        await AssertRefusedAsync(organization, new { match_profile = new { metric = "manhattan" } }, "match_profile.metric");
        await AssertRefusedAsync(organization, new { match_profile = new { metric = "cosine", confident_distance = 0.1, probable_distance = 2.5 } }, "match_profile.probable_distance");
        await AssertRefusedAsync(organization, new { match_profile = new { recent_window_minutes = -1, exemplar_cap = 0, stay_gap_seconds = 100000 } }, "match_profile.exemplar_cap");
        await AssertRefusedAsync(organization, new { biometric_mode = "off", match_profile = new { confirm_after_visits = 1000 } }, "match_profile.confirm_after_visits");
        var wrongType = await organization.Client.PutAsync(SettingsPath, new StringContent("""{"match_profile": {"margin": "wide"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("Invalid data provided", (await wrongType.ReadJsonAsync()).GetProperty("error").GetString());

        var after = await (await organization.Client.GetAsync(SettingsPath)).ReadJsonAsync();
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [DatabaseFact]
    public async Task A_changed_profile_decides_the_next_frame_and_its_version_is_audited()
    {
        var organization = await NewOrganizationAsync(server, "nome-profile");
        var faces = new Faces(81);
        var identity = faces.Identity();
        await SendFrameAsync(server, organization, identity, Start);

        var strict = await organization.Client.PutAsJsonAsync(SettingsPath, new { match_profile = new { confident_distance = 0.3, probable_distance = 0.35, margin = 0.05 } });
        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        Assert.Equal(2, (await strict.ReadJsonAsync()).GetProperty("match_profile").GetProperty("version").GetInt32());
        var same = await organization.Client.PutAsJsonAsync(SettingsPath, new { match_profile = new { confident_distance = 0.3 } });
        Assert.Equal(2, (await same.ReadJsonAsync()).GetProperty("match_profile").GetProperty("version").GetInt32());

        // 0.45 away is a confident match under the defaults, and a new person under the strict profile.
        var lookAlike = await SendFrameAsync(server, organization, faces.At(identity, 0.45f), Start.AddHours(3));
        Assert.Equal("created", lookAlike.GetProperty("decision").GetString());
        Assert.Equal(2, await LastProfileVersionAsync(organization));

        // Cosine: the index is rebuilt with the new metric, so distances are cosine distances (dlib frames sit far under 0.05).
        var cosine = await organization.Client.PutAsJsonAsync(SettingsPath, new { match_profile = new { metric = "cosine", confident_distance = 0.03, probable_distance = 0.04, margin = 0.01 } });
        Assert.Equal(3, (await cosine.ReadJsonAsync()).GetProperty("match_profile").GetProperty("version").GetInt32());
        var back = await SendFrameAsync(server, organization, faces.Frame(identity), Start.AddHours(6));
        Assert.Equal("matched", back.GetProperty("decision").GetString());
        Assert.InRange(back.GetProperty("distance").GetSingle(), 0f, 0.03f);
        Assert.Equal(3, await LastProfileVersionAsync(organization));
    }

    private static async Task AssertRefusedAsync(VisitorsOrg organization, object body, string field)
    {
        var response = await organization.Client.PutAsJsonAsync(SettingsPath, body);
        var error = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid data provided", error.GetProperty("error").GetString());
        Assert.True(error.GetProperty("details").TryGetProperty(field, out _), error.GetRawText());
    }

    private Task<int> LastProfileVersionAsync(VisitorsOrg organization) =>
        QueryAsync(server, organization.Id, db => db.Sightings.OrderByDescending(s => s.Id).Select(s => s.ProfileVersion).FirstAsync());
}
