using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Clientele.Platform.Events.Realtime;

/// <summary>
/// Short-lived, single-use tickets for the events WebSocket, so that no API key ever travels in a URL (where proxies and
/// browsers log it). A ticket is the caller's claims, protected by Data Protection with a 60-second lifetime; redeeming
/// it marks its id as used, in Redis (<c>SET NX</c>, seen by every instance) when configured, else in this process.
/// </summary>
public sealed partial class SocketTickets(IDataProtectionProvider protection, IConfiguration configuration, ILogger<SocketTickets> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private const string AuthenticationType = "SocketTicket";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Clientele.Events.SocketTicket.v1").ToTimeLimitedDataProtector();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new();
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;

    private string? RedisConnection => configuration.GetConnectionString("Redis") is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public string Issue(ClaimsPrincipal caller) => Issue(caller, Lifetime);

    internal string Issue(ClaimsPrincipal caller, TimeSpan lifetime)
    {
        var payload = new Payload(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), caller.Claims.Select(c => new[] { c.Type, c.Value }).ToList());
        return _protector.Protect(JsonSerializer.Serialize(payload), lifetime);
    }

    /// <summary>The caller the ticket was issued to, or null when it is forged, expired or already used.</summary>
    public async Task<ClaimsPrincipal?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(ticket));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
        if (payload is not { Id.Length: > 0 } || !await MarkUsedAsync(payload.Id, cancellationToken))
        {
            return null;
        }
        return new ClaimsPrincipal(new ClaimsIdentity(payload.Claims.Where(c => c.Length == 2).Select(c => new Claim(c[0], c[1])), AuthenticationType));
    }

    private async Task<bool> MarkUsedAsync(string id, CancellationToken cancellationToken)
    {
        // Kept a little longer than the ticket lives, so a used ticket cannot come back before it expires.
        var keep = Lifetime * 2;
        if (RedisConnection is null)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (usedId, until) in _used.Where(u => u.Value < now))
            {
                _used.TryRemove(new KeyValuePair<string, DateTimeOffset>(usedId, until));
            }
            return _used.TryAdd(id, now + keep);
        }
        try
        {
            var redis = await ConnectAsync(cancellationToken);
            return await redis.GetDatabase().StringSetAsync($"clientele:ws-ticket:{id}", 1, keep, When.NotExists);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Unchecked, a ticket could be used twice: refuse it; the client asks for a new one.
            LogRedisFailed(logger, exception);
            return false;
        }
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
            return _redis ??= await ConnectionMultiplexer.ConnectAsync(RedisConnection + ",abortConnect=false,connectTimeout=3000");
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

    private sealed record Payload(string Id, List<string[]> Claims);

    [LoggerMessage(LogLevel.Warning, "Redis unavailable: a WebSocket ticket could not be checked for reuse and was refused")]
    private static partial void LogRedisFailed(ILogger logger, Exception exception);
}
