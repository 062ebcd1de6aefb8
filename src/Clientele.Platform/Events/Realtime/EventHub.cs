using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Clientele.Platform.Events.Realtime;

/// <summary>This instance's WebSocket subscribers; hands each event to the sockets of its organization that want it.</summary>
public sealed class EventHub
{
    private readonly ConcurrentDictionary<Guid, EventSubscriber> _subscribers = new();

    public int Count => _subscribers.Count;

    /// <param name="organizationId">The caller's organization: the only one whose events it gets.</param>
    /// <param name="endpointFilter">The event types the socket's endpoint offers (null: all).</param>
    /// <param name="queueLength">How many messages wait for a slow client before the oldest go.</param>
    /// <param name="mayRead">Whether the caller may read a module (null: every module); events of no module always pass.</param>
    public EventSubscriber Add(Guid organizationId, Func<string, bool>? endpointFilter, int queueLength, Func<string, bool>? mayRead = null)
    {
        var subscriber = new EventSubscriber(organizationId, endpointFilter, queueLength, mayRead);
        _subscribers[subscriber.Id] = subscriber;
        return subscriber;
    }

    public void Remove(EventSubscriber subscriber) => _subscribers.TryRemove(subscriber.Id, out _);

    public void Deliver(EventEnvelope envelope)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.OrganizationId == envelope.OrganizationId && subscriber.MayRead(envelope.Module) && subscriber.Wants(envelope.Type))
            {
                subscriber.Outgoing.Writer.TryWrite(envelope.Json);
            }
        }
    }
}

/// <summary>One connected socket: its organization, the modules its caller may read, what it listens to, and its queue of outgoing text messages.</summary>
public sealed class EventSubscriber(Guid organizationId, Func<string, bool>? endpointFilter, int queueLength, Func<string, bool>? mayRead = null)
{
    private volatile IReadOnlySet<string>? _types;

    public Guid Id { get; } = Guid.NewGuid();

    public Guid OrganizationId => organizationId;

    /// <summary>A slow client loses its oldest messages rather than holding up the others.</summary>
    public Channel<string> Outgoing { get; } = Channel.CreateBounded<string>(new BoundedChannelOptions(Math.Max(queueLength, 1))
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>Narrows the socket to these types (<c>*</c> = all); before any subscribe message it gets every type its endpoint allows.</summary>
    public void Subscribe(IEnumerable<string> types) => _types = types.ToHashSet(StringComparer.Ordinal);

    public bool MayRead(string? module) => module is null || mayRead is null || mayRead(module);

    public bool Wants(string type) =>
        (endpointFilter is null || endpointFilter(type)) && (_types is not { } types || types.Contains("*") || types.Contains(type));
}
