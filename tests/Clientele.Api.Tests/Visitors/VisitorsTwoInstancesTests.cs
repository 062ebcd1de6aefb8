using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Two servers on one database (two instances behind a load balancer): each sees the other's gallery writes.</summary>
public sealed class VisitorsTwoInstancesTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;
    private static readonly DateTimeOffset Start = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);

    [DatabaseFact]
    public async Task An_upload_through_one_is_recognised_by_the_other_and_a_deletion_is_honoured()
    {
        var organization = await NewOrganizationAsync(server, "nome-twins");
        // A second host of the same program and settings: its own galleries, the same database.
        using var twin = server.WithWebHostBuilder(_ => { });
        var twinCamera = twin.CreateClient();
        twinCamera.DefaultRequestHeaders.Add("X-Device-Key", organization.DeviceKey);
        var faces = new Faces(111);
        var stranger = faces.Identity();
        var identity = faces.Identity();

        // The twin builds its gallery first, so recognising the next face needs it to notice the other's write.
        var first = await PostAsync(twinCamera, stranger, Start.AddHours(-1));
        var created = await PostAsync(organization.Camera, identity, Start);
        var seenByTwin = await PostAsync(twinCamera, faces.Frame(identity), Start.AddHours(3));

        Assert.Equal("created", first.GetProperty("decision").GetString());
        Assert.Equal("matched", seenByTwin.GetProperty("decision").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), seenByTwin.GetProperty("id").GetString());

        var deleted = await organization.Client.DeleteAsync($"{PersonPath}{created.GetProperty("id").GetString()}/");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var afterDeletion = await PostAsync(twinCamera, faces.Frame(identity), Start.AddHours(6));

        Assert.Equal("created", afterDeletion.GetProperty("decision").GetString());
        Assert.NotEqual(created.GetProperty("id").GetString(), afterDeletion.GetProperty("id").GetString());
        var twinReader = twin.CreateClient();
        twinReader.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, await server.CreateApiKeyAsync(organization.Id, "visitors:read"));
        Assert.Equal(HttpStatusCode.NotFound, (await twinReader.GetAsync($"{PersonPath}{created.GetProperty("id").GetString()}/")).StatusCode);
    }

    private static async Task<System.Text.Json.JsonElement> PostAsync(HttpClient camera, float[] vector, DateTimeOffset at)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { vector, entry_time = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        var response = await camera.PostAsync(PersonPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }
}
