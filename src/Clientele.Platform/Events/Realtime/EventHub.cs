using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Clientele.Platform.Events.Realtime;

/// <summary>This instance's WebSocket subscribers; hands each event to the sockets of its organization that want it.</summary>
public sealed class EventHub
{
    private readonly ConcurrentDictionary<Guid, EventSubscriber> _subscribers = new();

    public int Count => _subscribers.Count;

    public EventSubscriber Add(Guid organizationId, Func<string, bool>? endpointFilter, int queueLength)
    {
        var subscriber = new EventSubscriber(organizationId, endpointFilter, queueLength);
        _subscribers[subscriber.Id] = subscriber;
        return subscriber;
    }

    public void Remove(EventSubscriber subscriber) => _subscribers.TryRemove(subscriber.Id, out _);

    public void Deliver(EventEnvelope envelope)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.OrganizationId == envelope.OrganizationId && subscriber.Wants(envelope.Type))
            {
                subscriber.Outgoing.Writer.TryWrite(envelope.Json);
            }
        }
    }
}

/// <summary>One connected socket: its organization, what it listens to, and its queue of outgoing text messages.</summary>
public sealed class EventSubscriber(Guid organizationId, Func<string, bool>? endpointFilter, int queueLength)
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

    public bool Wants(string type) =>
        (endpointFilter is null || endpointFilter(type)) && (_types is not { } types || types.Contains("*") || types.Contains(type));
}
