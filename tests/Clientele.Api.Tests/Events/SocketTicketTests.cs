using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clientele.Api.Tests.Events;

/// <summary>The events socket takes single-use tickets instead of keys in the URL, sends only the modules the caller may read, and takes a session only from this site.</summary>
public class SocketTicketTests(DatabaseServers<EventsServer> servers) : IClassFixture<DatabaseServers<EventsServer>>
{
    private readonly EventsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_ticket_opens_one_socket_and_cannot_be_used_again()
    {
        var organization = await server.CreateOrganizationAsync("ticket-once");
        var key = await server.CreateApiKeyAsync(organization, "*:read");
        var ticket = await EventSockets.TicketAsync(server, key);

        using var socket = await EventSockets.ConnectAsync(server, $"?ticket={Uri.EscapeDataString(ticket)}");
        await EventSockets.SubscribeAsync(socket, "job.failed");
        await server.PublishAsync(organization, "job.failed", new { job_id = "by-ticket" });
        Assert.Equal("by-ticket", (await EventSockets.ReceiveJsonAsync(socket)).GetProperty("job_id").GetString());

        var again = await Assert.ThrowsAnyAsync<Exception>(() => EventSockets.ConnectAsync(server, $"?ticket={Uri.EscapeDataString(ticket)}"));
        Assert.Contains("401", again.Message, StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [InlineData("not-a-ticket")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public async Task A_forged_or_empty_ticket_is_401(string ticket)
    {
        var response = await server.CreateClient().GetAsync($"/platform/ws/events?ticket={Uri.EscapeDataString(ticket)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => EventSockets.ConnectAsync(server, $"?ticket={Uri.EscapeDataString(ticket)}"));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_valid_key_in_the_url_is_refused_with_a_message_that_names_the_ticket_endpoint()
    {
        var organization = await server.CreateOrganizationAsync("key-in-url");
        var key = await server.CreateApiKeyAsync(organization, "*:read");

        var response = await server.CreateClient().GetAsync($"/platform/ws/events?api_key={Uri.EscapeDataString(key)}");
        var handshake = await Assert.ThrowsAnyAsync<Exception>(() => EventSockets.ConnectAsync(server, $"?api_key={Uri.EscapeDataString(key)}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("/platform/api/events/tickets", detail, StringComparison.Ordinal);
        Assert.Contains("?ticket=", detail, StringComparison.Ordinal);
        Assert.Contains("401", handshake.Message, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Tickets_need_a_caller_and_a_session_can_get_one()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().PostAsync("/platform/api/events/tickets", null)).StatusCode);
        var organization = await server.CreateOrganizationAsync("ticket-session");
        var session = await SessionAsync(organization, "viewer");

        var response = await session.PostAsync("/platform/api/events/tickets", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(60, body.GetProperty("expires_in").GetInt32());
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith("/platform/ws/events?ticket=", url, StringComparison.Ordinal);
        using var socket = await EventSockets.ConnectAsync(server, url["/platform/ws/events".Length..]);
        await EventSockets.SubscribeAsync(socket, "job.failed");
        await server.PublishAsync(organization, "job.failed", new { job_id = "session-ticket" });
        Assert.Equal("session-ticket", (await EventSockets.ReceiveJsonAsync(socket)).GetProperty("job_id").GetString());
    }

    [DatabaseFact]
    public async Task A_key_scoped_to_retail_gets_no_banking_events()
    {
        var organization = await server.CreateOrganizationAsync("ws-scoped");
        var key = await server.CreateApiKeyAsync(organization, "retail:read");
        using var socket = await EventSockets.ConnectWithKeyAsync(server, key);
        await EventSockets.SubscribeAsync(socket, "*");

        // Banking's events go first: had they been sent to this socket, they would arrive first.
        await server.PublishAsync(organization, "banking.import.completed", new { clients = 2 });
        await server.PublishAsync(organization, "job.updated", new { job_id = "b", kind = "banking.client-summaries", status = "running" });
        await server.PublishAsync(organization, "job.updated", new { job_id = "r", kind = "retail.mining", status = "running" });

        var received = await EventSockets.ReceiveJsonAsync(socket);
        Assert.Equal("job.updated", received.GetProperty("event").GetString());
        Assert.Equal("r", received.GetProperty("job_id").GetString());
    }

    [DatabaseFact]
    public async Task A_session_socket_from_another_site_is_refused_and_from_this_site_accepted()
    {
        var organization = await server.CreateOrganizationAsync("ws-origin");
        var cookie = await SessionCookieAsync(organization);

        var foreign = await Assert.ThrowsAnyAsync<Exception>(() => EventSockets.ConnectAsync(server, configure: r =>
        {
            r.Headers.Cookie = cookie;
            r.Headers.Origin = "https://evil.example";
        }));
        using var own = await EventSockets.ConnectAsync(server, configure: r =>
        {
            r.Headers.Cookie = cookie;
            r.Headers.Origin = "http://localhost";
        });

        Assert.Contains("403", foreign.Message, StringComparison.Ordinal);
        await EventSockets.SubscribeAsync(own, "job.failed");
    }

    private async Task<string> SessionCookieAsync(Guid organization)
    {
        var email = $"viewer-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, "long enough password", "viewer");
        var login = await server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
            .PostAsJsonAsync("/platform/api/auth/login", new { email, password = "long enough password" });
        return login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clientele.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<HttpClient> SessionAsync(Guid organization, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, "long enough password", role);
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/platform/api/auth/login", new { email, password = "long enough password" })).StatusCode);
        return client;
    }
}
