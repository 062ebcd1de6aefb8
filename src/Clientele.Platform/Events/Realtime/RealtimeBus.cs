using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Clientele.Platform.Events.Realtime;

/// <summary>
/// Hands a dispatched event to the WebSocket subscribers of every instance: without Redis, this instance's hub; with
/// <c>ConnectionStrings:Redis</c>, a Redis channel that every instance (this one included) forwards to its own hub.
/// </summary>
public sealed partial class RealtimeBus(EventHub hub, IConfiguration configuration, IOptions<EventsOptions> options, ILogger<RealtimeBus> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;
    private readonly Lock _gate = new();
    private Task? _subscription;

    public bool UsesRedis => !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    private RedisChannel Channel => RedisChannel.Literal(options.Value.RedisChannel);

    public async Task PublishAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!UsesRedis)
        {
            hub.Deliver(envelope);
            return;
        }
        try
        {
            var redis = await ConnectAsync(cancellationToken);
            await redis.GetSubscriber().PublishAsync(Channel, Format(envelope));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Other instances miss it, but this instance's clients still get it.
            LogRedisPublishFailed(logger, envelope.Type, exception);
            hub.Deliver(envelope);
        }
    }

    /// <summary>Forwards the Redis channel to this instance's hub; subscribes once (reconnects are the multiplexer's), safe to call often.</summary>
    public Task SubscribeAsync(CancellationToken cancellationToken)
    {
        if (!UsesRedis)
        {
            return Task.CompletedTask;
        }
        lock (_gate)
        {
            if (_subscription is null || _subscription.IsFaulted || _subscription.IsCanceled)
            {
                _subscription = SubscribeOnceAsync();
            }
            return _subscription.WaitAsync(cancellationToken);
        }
    }

    private async Task SubscribeOnceAsync()
    {
        var redis = await ConnectAsync(CancellationToken.None);
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        queue.OnMessage(message =>
        {
            if (Parse(message.Message) is { } envelope)
            {
                hub.Deliver(envelope);
            }
        });
    }

    private const string ModuleLine = "module=";

    /// <summary>Organization, type and event id on a line each, then <c>module=…</c> when the event has one, then the JSON (which never starts with <c>m</c>).</summary>
    internal static string Format(EventEnvelope envelope) => envelope.Module is { } module
        ? string.Join('\n', envelope.OrganizationId, envelope.Type, envelope.EventId, ModuleLine + module, envelope.Json)
        : string.Join('\n', envelope.OrganizationId, envelope.Type, envelope.EventId, envelope.Json);

    internal static EventEnvelope? Parse(string? message)
    {
        var parts = message?.Split('\n', 4);
        if (parts is not { Length: 4 } || !Guid.TryParse(parts[0], out var organization) || !Guid.TryParse(parts[2], out var eventId))
        {
            return null;
        }
        if (!parts[3].StartsWith(ModuleLine, StringComparison.Ordinal))
        {
            return new EventEnvelope(organization, parts[1], eventId, parts[3]);
        }
        var rest = parts[3].Split('\n', 2);
        return rest.Length == 2 ? new EventEnvelope(organization, parts[1], eventId, rest[1], rest[0][ModuleLine.Length..]) : null;
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_redis is { } connected)
        {
            return connected;
        }
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            return _redis ??= await ConnectionMultiplexer.ConnectAsync(configuration.GetConnectionString("Redis") + ",abortConnect=false,connectTimeout=3000");
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        _connecting.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Redis publish of {EventType} failed; delivered to this instance's sockets only")]
    private static partial void LogRedisPublishFailed(ILogger logger, string eventType, Exception exception);
}
