using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Clientele.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clientele.Api.Tests.Events;

/// <summary><c>/platform/ws/events</c>: the organization's events as JSON text messages, nobody else's; oversized client messages close with 1008.</summary>
public class EventSocketTests(DatabaseServers<EventsServer> servers) : IClassFixture<DatabaseServers<EventsServer>>
{
    private readonly EventsServer server = servers.Current;

    [DatabaseFact]
    public async Task Own_organization_events_arrive_and_another_organizations_do_not()
    {
        var (mine, organization) = await server.ClientForNewOrganizationAsync("ws-mine", "banking:write");
        var (theirs, _) = await server.ClientForNewOrganizationAsync("ws-theirs", "banking:write");
        var key = mine.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        using var socket = await EventSockets.ConnectAsync(server, $"?api_key={Uri.EscapeDataString(key)}");
        await EventSockets.SubscribeAsync(socket, "*");

        // Theirs is written first, so had it been sent to this socket it would arrive first.
        Assert.Equal(HttpStatusCode.OK, (await WebhookDeliveryTests.ImportAsync(theirs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebhookDeliveryTests.ImportAsync(mine)).StatusCode);

        var received = await EventSockets.ReceiveJsonAsync(socket);
        Assert.Equal("banking.import.completed", received.GetProperty("event").GetString());
        Assert.Equal(organization.ToString(), received.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal("ws-mine", received.GetProperty("organization").GetProperty("name").GetString());
        Assert.True(Guid.TryParse(received.GetProperty("event_id").GetString(), out _));
        Assert.Equal(2, received.GetProperty("clients").GetInt32());
    }

    [DatabaseFact]
    public async Task A_nome_style_event_keeps_its_shape_and_subscribe_narrows_the_types()
    {
        var organization = await server.CreateOrganizationAsync("ws-nome");
        var key = await server.CreateApiKeyAsync(organization, "visitors:read");
        using var socket = await EventSockets.ConnectAsync(server, configure: r => r.Headers["X-Api-Key"] = key);
        await EventSockets.SubscribeAsync(socket, "person_joined");

        await server.PublishAsync(organization, "job.updated", new { job_id = "skipped" });
        await server.PublishAsync(organization, "person_joined", new { person = new { id = "p-1", full_name = "Данияр", age = 41, gender = "Male" } });

        var received = await EventSockets.ReceiveJsonAsync(socket);
        Assert.Equal("person_joined", received.GetProperty("event").GetString());
        Assert.Equal("Данияр", received.GetProperty("person").GetProperty("full_name").GetString());
        Assert.Equal(41, received.GetProperty("person").GetProperty("age").GetInt32());
    }

    [DatabaseFact]
    public async Task The_dashboard_session_cookie_also_authenticates()
    {
        var organization = await server.CreateOrganizationAsync("ws-cookie");
        var email = $"viewer-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, "long enough password", "viewer");
        var login = await server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
            .PostAsJsonAsync("/platform/api/auth/login", new { email, password = "long enough password" });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var socket = await EventSockets.ConnectAsync(server, configure: r => r.Headers.Cookie = cookie);
        await EventSockets.SubscribeAsync(socket, "job.failed");

        await server.PublishAsync(organization, "job.failed", new { job_id = "j" });

        Assert.Equal("job.failed", (await EventSockets.ReceiveJsonAsync(socket)).GetProperty("event").GetString());
    }

    [DatabaseTheory]
    [InlineData("")]
    [InlineData("?api_key=ck_000000000000_wrong")]
    public async Task Without_valid_credentials_the_handshake_is_refused_with_401(string query)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => EventSockets.ConnectAsync(server, query));

        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_plain_http_request_gets_a_clear_400()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("ws-http", "*:read");

        var response = await client.GetAsync("/platform/ws/events");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task An_oversized_client_message_closes_the_socket_with_policy_violation()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("ws-big", "*:read");
        var key = client.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        using var socket = await EventSockets.ConnectAsync(server, $"?api_key={key}");
        await EventSockets.SubscribeAsync(socket, "*");

        await EventSockets.SendAsync(socket, "{\"subscribe\": [\"" + new string('x', 5000) + "\"]}");

        var (type, _, status) = await EventSockets.ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, status);
    }

    [DatabaseFact]
    public async Task A_message_that_is_not_a_subscription_gets_an_error_and_the_socket_stays_open()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("ws-junk", "*:read");
        var key = client.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        using var socket = await EventSockets.ConnectAsync(server, $"?api_key={key}");

        await EventSockets.SendAsync(socket, "hello");

        Assert.Contains("subscribe", (await EventSockets.ReceiveJsonAsync(socket)).GetProperty("error").GetString(), StringComparison.Ordinal);
        await EventSockets.SubscribeAsync(socket, "job.failed");
        await server.PublishAsync(organization, "job.failed", new { job_id = "still-open" });
        Assert.Equal("still-open", (await EventSockets.ReceiveJsonAsync(socket)).GetProperty("job_id").GetString());
    }
}
