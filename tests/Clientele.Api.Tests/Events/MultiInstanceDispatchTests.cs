using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Outbox;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Events;

/// <summary>Two instances dispatching one database: every event gets one delivery per subscription and arrives once.</summary>
public sealed class MultiInstanceDispatchTests
{
    private readonly DatabaseKind kind = CurrentDatabase.Kind;

    [DatabaseFact]
    public async Task Two_dispatching_instances_deliver_every_event_exactly_once()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var a = new EventsServer(kind);
        var b = new EventsServer(kind);
        try
        {
            await a.InitializeAsync();
            b.Settings["Clientele:Database:Provider"] = kind.ToString();
            b.Settings["ConnectionStrings:Clientele"] = a.Services.GetRequiredService<IConfiguration>().GetConnectionString("Clientele");
            await b.InitializeAsync();
            var organization = await a.CreateOrganizationAsync("pair");
            var key = await a.CreateApiKeyAsync(organization, "*:write");
            var onA = a.WithApiKey(key);
            var created = await onA.PostAsJsonAsync("/platform/api/webhooks", new { url = receiver.Url, event_types = new[] { "*" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var subscription = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;

            var published = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                published.Add((await (i % 2 == 0 ? a : b).PublishAsync(organization, "job.updated", new { job_id = $"j{i}", progress = i * 5 })).ToString());
            }

            await Eventually.WaitAsync(() => Task.FromResult(receiver.Accepted.Select(r => r.EventId).Distinct().Count()), n => n == 20, "all twenty events");
            await Eventually.WaitAsync(() => OutboxAsync(a, organization), m => m.All(x => x.DispatchedAt is not null), "every message marked");
            Assert.Equal(published.Order(), receiver.Accepted.Select(r => r.EventId).Order());
            // The receiver records a request before its answer reaches the worker, so the log catches up a moment later.
            var deliveries = await Eventually.WaitAsync(() => WebhookDeliveryTests.DeliveriesAsync(onA, subscription, "?page_size=200"),
                d => d.All(x => x.GetProperty("status").GetString() == "succeeded"), "every delivery logged as succeeded");
            Assert.Equal(20, deliveries.Count);
            Assert.All(deliveries, d => Assert.Equal(1, d.GetProperty("attempts").GetInt32()));
        }
        finally
        {
            await ((IAsyncLifetime)b).DisposeAsync();
            await ((IAsyncLifetime)a).DisposeAsync();
        }
    }

    [DatabaseFact]
    public async Task Routing_a_message_again_after_a_crash_adds_no_second_delivery()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var server = new EventsServer(kind);
        server.Settings["Clientele:Events:DispatchEnabled"] = "false";
        server.Settings["Clientele:Events:Webhooks:DeliveryEnabled"] = "false";
        try
        {
            await server.InitializeAsync();
            var (client, organization) = await server.ClientForNewOrganizationAsync("again", "*:write");
            var created = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = receiver.Url, event_types = new[] { "job.failed" } });
            var subscription = (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
            await server.PublishAsync(organization, "job.failed", new { job_id = "twice" });
            var message = Assert.Single(await OutboxAsync(server, organization));
            var router = server.Services.GetRequiredService<EventRouter>();

            await router.RouteAsync(message, CancellationToken.None);
            await router.RouteAsync(message, CancellationToken.None);

            var delivery = Assert.Single(await WebhookDeliveryTests.DeliveriesAsync(client, subscription));
            Assert.Equal(message.EventId.ToString(), delivery.GetProperty("event_id").GetString());
            Assert.Equal("pending", delivery.GetProperty("status").GetString());
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(ClienteleFactory server, Guid organization)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        return await db.Outbox.IgnoreQueryFilters().AsNoTracking().Where(m => m.OrganizationId == organization).ToListAsync();
    }
}
