using Clientele.Platform.Errors;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Realtime;
using Clientele.Platform.Modules;
using Microsoft.Extensions.Configuration;

namespace Clientele.Platform.Tests.Events;

public sealed class EventModulesTests
{
    private static readonly ModuleCatalog Catalog = new(
        new[] { "platform", "banking", "retail", "visitors" }.Select(name => new ModuleDefinition(name, name, FastApiErrorShape.Instance, false)),
        new ConfigurationBuilder().Build());

    [Theory]
    [InlineData("banking.import.completed", "{}", "banking", "banking")]
    [InlineData("banking.import.completed", "{}", "events", "banking")]
    [InlineData("job.updated", """{"kind":"retail.mining"}""", "jobs", "retail")]
    [InlineData("job.updated", """{"kind":"test.slow"}""", "jobs", null)]
    [InlineData("job.updated", "not json", "jobs", null)]
    [InlineData("person_joined", "{}", "visitors", "visitors")]
    [InlineData("person_joined", "{}", "events", null)]
    [InlineData("platform.something", "{}", "platform", null)]
    [InlineData("nosuch.thing", "{}", "banking", "banking")]
    public void An_event_belongs_to_its_jobs_module_its_type_prefix_or_its_outbox(string type, string payload, string outbox, string? expected) =>
        Assert.Equal(expected, EventModules.Of(type, payload, outbox, Catalog));

    [Fact]
    public void Only_subscribers_that_may_read_the_events_module_get_it()
    {
        var hub = new EventHub();
        var organization = Guid.NewGuid();
        var retailOnly = hub.Add(organization, null, 10, module => module == "retail");
        var everything = hub.Add(organization, null, 10);

        hub.Deliver(new EventEnvelope(organization, "banking.import.completed", Guid.NewGuid(), "{\"n\":1}", "banking"));
        hub.Deliver(new EventEnvelope(organization, "job.failed", Guid.NewGuid(), "{\"n\":2}"));

        Assert.True(retailOnly.Outgoing.Reader.TryRead(out var first));
        Assert.Equal("{\"n\":2}", first);
        Assert.False(retailOnly.Outgoing.Reader.TryRead(out _));
        Assert.True(everything.Outgoing.Reader.TryRead(out _) && everything.Outgoing.Reader.TryRead(out _));
    }

    [Fact]
    public void The_module_survives_the_redis_wire_format()
    {
        var envelope = new EventEnvelope(Guid.NewGuid(), "person_joined", Guid.NewGuid(), "{\n\"event\": \"person_joined\"\n}", "visitors");

        Assert.Equal(envelope, RealtimeBus.Parse(RealtimeBus.Format(envelope)));
        Assert.Equal(envelope with { Module = null }, RealtimeBus.Parse(RealtimeBus.Format(envelope with { Module = null })));
    }
}
