using Clientele.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Events;

/// <summary>Two instances on one database and one Redis: a socket on instance B gets an event only instance A dispatches.</summary>
public sealed class RedisFanOutTests
{
    private readonly DatabaseKind kind = CurrentDatabase.Kind;

    [DatabaseFact]
    public async Task A_client_on_instance_b_receives_an_event_dispatched_on_instance_a()
    {
        var redis = Environment.GetEnvironmentVariable(RedisHealthTests.RedisVariable);
        Assert.False(string.IsNullOrEmpty(redis), $"{RedisHealthTests.RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");
        var channel = $"clientele:test:{Guid.NewGuid():N}";
        var a = new EventsServer(kind);
        a.Settings["ConnectionStrings:Redis"] = redis;
        a.Settings["Clientele:Events:RedisChannel"] = channel;
        var b = new EventsServer(kind);
        try
        {
            await a.InitializeAsync();
            b.Settings["ConnectionStrings:Redis"] = redis;
            b.Settings["Clientele:Events:RedisChannel"] = channel;
            b.Settings["Clientele:Events:DispatchEnabled"] = "false";
            b.Settings["Clientele:Database:Provider"] = kind.ToString();
            b.Settings["ConnectionStrings:Clientele"] = a.Services.GetRequiredService<IConfiguration>().GetConnectionString("Clientele");
            await b.InitializeAsync();
            var organization = await a.CreateOrganizationAsync("fan-out");
            var key = await a.CreateApiKeyAsync(organization, "*:read");
            using var onB = await EventSockets.ConnectAsync(b, $"?api_key={key}");
            await EventSockets.SubscribeAsync(onB, "*");

            var eventId = await a.PublishAsync(organization, "job.failed", new { job_id = "across" });

            var received = await EventSockets.ReceiveJsonAsync(onB);
            Assert.Equal(eventId.ToString(), received.GetProperty("event_id").GetString());
            Assert.Equal("across", received.GetProperty("job_id").GetString());
            Assert.Equal(organization.ToString(), received.GetProperty("organization").GetProperty("id").GetString());
        }
        finally
        {
            await ((IAsyncLifetime)b).DisposeAsync();
            await ((IAsyncLifetime)a).DisposeAsync();
        }
    }
}
