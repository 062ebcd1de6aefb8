using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Events.Webhooks;
using Clientele.Testing;

namespace Clientele.Api.Tests.Events;

/// <summary>Webhooks against a real receiver that is down for a while: retries with back-off, exactly one arrival per event, dead letters, re-delivery.</summary>
public class WebhookDeliveryTests(DatabaseServers<EventsServer> servers) : IClassFixture<DatabaseServers<EventsServer>>
{
    private readonly EventsServer server = servers.Current;

    [DatabaseFact]
    public async Task Imports_made_while_the_receiver_is_down_arrive_once_each_and_signed_when_it_comes_back()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, organization) = await server.ClientForNewOrganizationAsync("hooks", "*:write");
        var (subscription, secret) = await SubscribeAsync(client, receiver, "banking.import.completed");
        var verification = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.Verify(secret, verification.Headers[WebhookSignature.TimestampHeader], verification.Body, verification.Headers[WebhookSignature.SignatureHeader]));
        await receiver.StopAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client)).StatusCode);
        }
        var failing = await Eventually.WaitAsync(() => DeliveriesAsync(client, subscription),
            d => d.Count == 3 && d.All(x => x.GetProperty("attempts").GetInt32() >= 2), "three deliveries to fail at least twice");
        Assert.All(failing, d =>
        {
            Assert.Equal("failed", d.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(d.GetProperty("last_error").GetString()));
            Assert.Equal(JsonValueKind.Null, d.GetProperty("delivered_at").ValueKind);
        });
        await receiver.StartAsync();

        var delivered = await Eventually.WaitAsync(() => DeliveriesAsync(client, subscription),
            d => d.All(x => x.GetProperty("status").GetString() == "succeeded"), "every delivery to succeed");
        // A later event that arrives proves the earlier ones had every chance to arrive twice.
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client)).StatusCode);
        await Eventually.WaitAsync(() => Task.FromResult(receiver.Accepted.Count()), n => n == 4, "the fourth event");

        var arrivals = receiver.Accepted.ToList();
        Assert.Equal(4, arrivals.Select(a => a.EventId).Distinct().Count());
        Assert.Equal(delivered.Select(d => d.GetProperty("event_id").GetString()).Order(), arrivals.Take(3).Select(a => a.EventId).Order());
        foreach (var arrival in arrivals)
        {
            Assert.True(WebhookSignature.Verify(secret, arrival.Headers[WebhookSignature.TimestampHeader], arrival.Body, arrival.Headers[WebhookSignature.SignatureHeader]));
            Assert.Equal("banking.import.completed", arrival.Headers[WebhookSignature.EventHeader]);
            Assert.Equal(arrival.EventId, arrival.Headers[WebhookSignature.EventIdHeader]);
            var body = JsonDocument.Parse(arrival.Body).RootElement;
            Assert.Equal("banking.import.completed", body.GetProperty("event").GetString());
            Assert.Equal(organization.ToString(), body.GetProperty("organization").GetProperty("id").GetString());
            Assert.Equal(2, body.GetProperty("clients").GetInt32());
            Assert.Equal(3, body.GetProperty("transactions").GetInt32());
            Assert.EndsWith("Z", body.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        }
        Assert.All(delivered, d =>
        {
            // Attempts are counted when a worker claims a delivery, so the attempt that was in flight when the receiver came
            // back may be the one that succeeds: never fewer attempts than seen while failing, and at least one retry.
            var seenWhileFailing = failing.Single(f => f.GetProperty("id").GetString() == d.GetProperty("id").GetString()).GetProperty("attempts").GetInt32();
            Assert.True(d.GetProperty("attempts").GetInt32() >= Math.Max(2, seenWhileFailing));
            Assert.Equal(200, d.GetProperty("last_status_code").GetInt32());
            Assert.NotEqual(JsonValueKind.Null, d.GetProperty("delivered_at").ValueKind);
            Assert.Equal(d.GetProperty("id").GetString(), arrivals.Single(a => a.EventId == d.GetProperty("event_id").GetString()).Headers[WebhookSignature.DeliveryHeader]);
        });
    }

    [DatabaseFact]
    public async Task A_receiver_that_keeps_failing_dead_letters_the_delivery_and_redelivery_sends_the_same_event_again()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, organization) = await server.ClientForNewOrganizationAsync("dead", "*:write");
        var (subscription, _) = await SubscribeAsync(client, receiver, "*");
        receiver.FailWith = 503;

        var eventId = (await server.PublishAsync(organization, "job.failed", new { job_id = "j1", error = "boom" })).ToString();

        var dead = (await Eventually.WaitAsync(() => DeliveriesAsync(client, subscription),
            d => d.Count == 1 && d[0].GetProperty("status").GetString() == "dead", "the delivery to be dead-lettered"))[0];
        Assert.Equal(EventsServer.MaxAttempts, dead.GetProperty("attempts").GetInt32());
        Assert.Equal(503, dead.GetProperty("last_status_code").GetInt32());
        Assert.Contains("503", dead.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Equal(EventsServer.MaxAttempts, receiver.Events.Count(r => r.EventId == eventId));
        Assert.Equal(eventId, dead.GetProperty("payload").GetProperty("event_id").GetString());
        Assert.Single(await DeliveriesAsync(client, subscription, "?status=dead"));
        Assert.Empty(await DeliveriesAsync(client, subscription, "?status=succeeded"));

        receiver.FailWith = 0;
        var deliveryId = dead.GetProperty("id").GetString();
        var reset = await client.PostAsync($"/platform/api/webhooks/deliveries/{deliveryId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);
        Assert.Equal("pending", (await reset.ReadJsonAsync()).GetProperty("status").GetString());
        await Eventually.WaitAsync(() => DeliveriesAsync(client, subscription), d => d[0].GetProperty("status").GetString() == "succeeded", "the re-delivery");
        Assert.Single(receiver.Accepted, r => r.EventId == eventId);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/platform/api/webhooks/deliveries/{deliveryId}/redeliver", null)).StatusCode);
        await Eventually.WaitAsync(() => Task.FromResult(receiver.Accepted.Count(r => r.EventId == eventId)), n => n == 2, "the explicit replay");
        var replayed = (await DeliveriesAsync(client, subscription))[0];
        Assert.Equal(1, replayed.GetProperty("attempts").GetInt32());
    }

    [DatabaseFact]
    public async Task Only_active_subscriptions_for_the_event_type_get_deliveries()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, _) = await server.ClientForNewOrganizationAsync("match", "*:write");
        var (wanted, _) = await SubscribeAsync(client, receiver, "banking.import.completed");
        var (otherType, _) = await SubscribeAsync(client, receiver, "job.failed");
        var (paused, _) = await SubscribeAsync(client, receiver, "*");
        var patch = await client.PatchAsJsonAsync($"/platform/api/webhooks/{paused}", new { active = false });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.False((await patch.ReadJsonAsync()).GetProperty("active").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(client)).StatusCode);

        await Eventually.WaitAsync(() => DeliveriesAsync(client, wanted), d => d.Count == 1 && d[0].GetProperty("status").GetString() == "succeeded", "the matching delivery");
        Assert.Empty(await DeliveriesAsync(client, otherType));
        Assert.Empty(await DeliveriesAsync(client, paused));
    }

    [DatabaseFact]
    public async Task Subscriptions_are_listed_updated_and_deleted_and_the_secret_is_shown_once()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, _) = await server.ClientForNewOrganizationAsync("crud", "*:write");
        var (id, secret) = await SubscribeAsync(client, receiver, "job.failed");

        var listed = await client.GetStringAsync("/platform/api/webhooks");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await client.GetStringAsync($"/platform/api/webhooks/{id}"), StringComparison.Ordinal);

        var patched = await client.PatchAsJsonAsync($"/platform/api/webhooks/{id}", new { event_types = new[] { "job.failed", "job.updated" }, description = "ops" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var view = await patched.ReadJsonAsync();
        Assert.Equal(["job.failed", "job.updated"], view.GetProperty("event_types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("ops", view.GetProperty("description").GetString());
        Assert.Equal(receiver.Url, view.GetProperty("url").GetString());

        var badPatch = await client.PatchAsJsonAsync($"/platform/api/webhooks/{id}", new { url = "ftp://example.com/", event_types = new[] { "bad type!" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPatch.StatusCode);
        var locations = (await badPatch.ReadJsonAsync()).GetProperty("detail").EnumerateArray().Select(d => string.Join('.', d.GetProperty("loc").EnumerateArray().Select(l => l.ToString()))).ToList();
        Assert.Contains("body.event_types.0", locations);
        Assert.Equal(receiver.Url, (await (await client.GetAsync($"/platform/api/webhooks/{id}")).ReadJsonAsync()).GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/platform/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/platform/api/webhooks/{id}")).StatusCode);
        Assert.Equal("[]", await client.GetStringAsync("/platform/api/webhooks"));
    }

    [DatabaseFact]
    public async Task Another_organization_can_neither_see_change_nor_redeliver()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (owner, organization) = await server.ClientForNewOrganizationAsync("owner", "*:write");
        var (subscription, _) = await SubscribeAsync(owner, receiver, "*");
        await server.PublishAsync(organization, "job.failed", new { job_id = "x" });
        var delivery = (await Eventually.WaitAsync(() => DeliveriesAsync(owner, subscription), d => d.Count == 1, "a delivery"))[0].GetProperty("id").GetString();
        var (intruder, _) = await server.ClientForNewOrganizationAsync("intruder", "*:write");

        Assert.Equal("[]", await intruder.GetStringAsync("/platform/api/webhooks"));
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/platform/api/webhooks/{subscription}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/platform/api/webhooks/{subscription}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.PatchAsJsonAsync($"/platform/api/webhooks/{subscription}", new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/platform/api/webhooks/{subscription}")).StatusCode);
        var redeliver = await intruder.PostAsync($"/platform/api/webhooks/deliveries/{delivery}/redeliver", null);
        Assert.Equal(HttpStatusCode.NotFound, redeliver.StatusCode);
        Assert.Equal("""{"detail":"Delivery not found"}""", await redeliver.Content.ReadAsStringAsync());

        var view = await (await owner.GetAsync($"/platform/api/webhooks/{subscription}")).ReadJsonAsync();
        Assert.True(view.GetProperty("active").GetBoolean());
    }

    [DatabaseFact]
    public async Task Reading_needs_a_read_scope_and_managing_needs_star_write()
    {
        var organization = await server.CreateOrganizationAsync("roles");
        var reader = server.WithApiKey(await server.CreateApiKeyAsync(organization, "*:read"));
        var bankingWriter = server.WithApiKey(await server.CreateApiKeyAsync(organization, "banking:write"));
        var body = new { url = "https://example.com/hook" };

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/platform/api/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/platform/api/webhooks", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bankingWriter.PostAsJsonAsync("/platform/api/webhooks", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bankingWriter.GetAsync("/platform/api/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().GetAsync("/platform/api/webhooks")).StatusCode);
    }

    [DatabaseFact]
    public async Task Bad_delivery_queries_are_422_in_fastapi_shape()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, _) = await server.ClientForNewOrganizationAsync("query", "*:write");
        var (subscription, _) = await SubscribeAsync(client, receiver, "*");

        var response = await client.GetAsync($"/platform/api/webhooks/{subscription}/deliveries?status=lost&page=0&page_size=1000");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var locations = (await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("loc")[1].GetString()).ToList();
        Assert.Equal(["status", "page", "page_size"], locations);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/platform/api/webhooks/deliveries/{Guid.NewGuid()}/redeliver", null)).StatusCode);
    }

    internal static async Task<(string Id, string Secret)> SubscribeAsync(HttpClient client, WebhookReceiver receiver, params string[] types)
    {
        var response = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = receiver.Url, event_types = types });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    internal static async Task<List<JsonElement>> DeliveriesAsync(HttpClient client, string subscription, string query = "")
    {
        var response = await client.GetAsync($"/platform/api/webhooks/{subscription}/deliveries{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    internal static Task<HttpResponseMessage> ImportAsync(HttpClient client) =>
        client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("client_1_transactions_3m.csv", CaseUpload.ClientOneTransactions)));
}
