using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>Organizations never see each other: another organization's persons are 404 everywhere, its counts and events never arrive.</summary>
public sealed class VisitorsIsolationTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    [DatabaseFact]
    public async Task Another_organizations_person_is_404_on_every_endpoint_and_stays_unchanged()
    {
        var owner = await NewOrganizationAsync(server, "nome-owner");
        var other = await NewOrganizationAsync(server, "nome-other");
        var faces = new Faces(31);
        var identity = faces.Identity();
        var id = (await SendFrameAsync(server, owner, identity, DateTimeOffset.UtcNow.AddMinutes(-5))).GetProperty("id").GetString();
        var cart = await (await owner.Client.PostAsJsonAsync("/visitors/api/client/carts/", new { person = id })).ReadJsonAsync();
        var product = await (await owner.Client.PostAsJsonAsync("/visitors/api/client/products/", new { name = "Плов" })).ReadJsonAsync();
        var before = await CountsAsync(server, owner.Id);

        const string notFound = """{"error":"Person не найден"}""";
        foreach (var response in new[]
        {
            await other.Client.GetAsync($"{PersonPath}{id}/"),
            await other.Client.PutAsJsonAsync($"{PersonPath}{id}/", new { full_name = "Захвачен" }),
            await other.Client.DeleteAsync($"{PersonPath}{id}/"),
            await other.Client.GetAsync($"{PersonPath}{id}/orders/"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(notFound, await response.Content.ReadAsStringAsync());
        }
        var foreignCart = await other.Client.PostAsJsonAsync("/visitors/api/client/carts/", new { person = id });
        var foreignBulk = await other.Client.PostAsJsonAsync("/visitors/api/client/cart-products/bulk/", new
        {
            cart_products = new[] { new { organization = owner.Id, cart = cart.GetProperty("id").GetString(), product = product.GetProperty("id").GetString() } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, foreignCart.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignBulk.StatusCode);

        var otherPage = await (await other.Client.GetAsync(PersonsPath)).ReadJsonAsync();
        Assert.Equal(0, otherPage.GetProperty("count").GetInt32());
        Assert.Equal("[]", await other.Client.GetStringAsync("/visitors/api/client/statistics/gender/"));
        var otherWeek = await (await other.Client.GetAsync("/visitors/api/client/statistics/visit-count/?type=week")).ReadJsonAsync();
        Assert.Equal(0, otherWeek.EnumerateArray().Sum(point => point.GetProperty("value").GetInt32()));

        // The same face at another organization's camera is a new person there, never the owner's.
        var elsewhere = await SendFrameAsync(server, other, faces.Frame(identity), DateTimeOffset.UtcNow);
        Assert.Equal("created", elsewhere.GetProperty("decision").GetString());
        Assert.NotEqual(id, elsewhere.GetProperty("id").GetString());

        Assert.Equal(before, await CountsAsync(server, owner.Id));
        var owned = await (await owner.Client.GetAsync($"{PersonPath}{id}/")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, owned.GetProperty("full_name").ValueKind);
    }

    [DatabaseFact]
    public async Task The_person_socket_carries_only_the_callers_organizations_arrivals()
    {
        var owner = await NewOrganizationAsync(server, "nome-socket-owner");
        var other = await NewOrganizationAsync(server, "nome-socket-other");
        var key = await server.CreateApiKeyAsync(owner.Id, "visitors:read");
        var ticket = await EventSockets.TicketAsync(server, key);
        using var socket = await server.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri($"ws://localhost/visitors/ws/person/?ticket={Uri.EscapeDataString(ticket)}"), CancellationToken.None);
        await EventSockets.SubscribeAsync(socket, "person_joined");
        var faces = new Faces(32);

        await SendFrameAsync(server, other, faces.Identity(), DateTimeOffset.UtcNow);
        var mine = (await SendFrameAsync(server, owner, faces.Identity(), DateTimeOffset.UtcNow)).GetProperty("id").GetString();

        var message = await EventSockets.ReceiveJsonAsync(socket);
        while (message.GetProperty("person").GetProperty("id").GetString() != mine)
        {
            Assert.Equal(owner.Id.ToString(), message.GetProperty("organization").GetProperty("id").GetString());
            message = await EventSockets.ReceiveJsonAsync(socket);
        }
        Assert.Equal("person_joined", message.GetProperty("event").GetString());
        Assert.Equal(owner.Id.ToString(), message.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal(["id", "full_name", "age", "gender", "emotion", "body_type"], message.GetProperty("person").EnumerateObject().Select(p => p.Name));
    }

    [DatabaseFact]
    public async Task The_person_socket_refuses_a_caller_without_credentials()
    {
        var response = await server.CreateClient().GetAsync("/visitors/ws/person/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("""{"error":""", await response.Content.ReadAsStringAsync());
    }
}
