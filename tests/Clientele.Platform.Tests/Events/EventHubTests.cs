using System.Text;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Realtime;

namespace Clientele.Platform.Tests.Events;

public sealed class EventHubTests
{
    private static readonly Guid Mine = Guid.NewGuid();
    private static readonly Guid Theirs = Guid.NewGuid();

    private static EventEnvelope Event(Guid organization, string type) => new(organization, type, Guid.NewGuid(), $$"""{"event":"{{type}}"}""");

    private static List<string> Drain(EventSubscriber subscriber)
    {
        var messages = new List<string>();
        while (subscriber.Outgoing.Reader.TryRead(out var message))
        {
            messages.Add(message);
        }
        return messages;
    }

    [Fact]
    public void Only_the_subscribers_own_organization_events_reach_it()
    {
        var hub = new EventHub();
        var subscriber = hub.Add(Mine, null, 10);

        hub.Deliver(Event(Theirs, "job.updated"));
        hub.Deliver(Event(Mine, "job.updated"));

        Assert.Equal(["""{"event":"job.updated"}"""], Drain(subscriber));
    }

    [Fact]
    public void A_subscribe_message_narrows_and_the_endpoint_filter_always_applies()
    {
        var hub = new EventHub();
        var visitorsOnly = hub.Add(Mine, type => type.StartsWith("person_", StringComparison.Ordinal), 10);
        var narrowed = hub.Add(Mine, null, 10);
        narrowed.Subscribe(["job.failed"]);

        foreach (var type in new[] { "person_joined", "job.failed", "job.updated" })
        {
            hub.Deliver(Event(Mine, type));
        }

        Assert.Equal(["""{"event":"person_joined"}"""], Drain(visitorsOnly));
        Assert.Equal(["""{"event":"job.failed"}"""], Drain(narrowed));
        narrowed.Subscribe(["*"]);
        hub.Deliver(Event(Mine, "anything"));
        Assert.Single(Drain(narrowed));
    }

    [Fact]
    public void A_slow_subscriber_keeps_the_newest_messages_and_removed_ones_get_nothing()
    {
        var hub = new EventHub();
        var slow = hub.Add(Mine, null, 2);
        var gone = hub.Add(Mine, null, 10);
        hub.Remove(gone);

        foreach (var type in new[] { "a", "b", "c" })
        {
            hub.Deliver(Event(Mine, type));
        }

        Assert.Equal(["""{"event":"b"}""", """{"event":"c"}"""], Drain(slow));
        Assert.Empty(Drain(gone));
        Assert.Equal(1, hub.Count);
    }

    [Theory]
    [InlineData("""{"subscribe":["job.updated","job.failed","job.updated"]}""", "job.updated,job.failed")]
    [InlineData("""{"subscribe":[]}""", "")]
    [InlineData("""{"subscribe":"job.updated"}""", null)]
    [InlineData("""{"subscribe":[1]}""", null)]
    [InlineData("""["job.updated"]""", null)]
    [InlineData("not json", null)]
    public void Subscribe_messages_are_read_strictly(string text, string? expected)
    {
        var types = EventSocketSession.SubscribedTypes(Encoding.UTF8.GetBytes(text));

        Assert.Equal(expected, types is null ? null : string.Join(',', types));
    }

    [Fact]
    public void The_redis_wire_format_round_trips_json_with_new_lines()
    {
        var envelope = new EventEnvelope(Mine, "job.failed", Guid.NewGuid(), "{\n\"event\": \"job.failed\"\n}");

        var parsed = RealtimeBus.Parse(string.Join('\n', envelope.OrganizationId, envelope.Type, envelope.EventId, envelope.Json));

        Assert.Equal(envelope, parsed);
        Assert.Null(RealtimeBus.Parse("garbage"));
    }
}
