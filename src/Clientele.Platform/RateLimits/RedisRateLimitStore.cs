using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Clientele.Platform.RateLimits;

/// <summary>
/// Fixed-window counters in Redis, shared by every instance: one atomic script increments the window's counter, starts its expiry on
/// the first hit and returns the count and the time left. When Redis cannot be reached the caller is let through (fail open) and a warning is logged.
/// </summary>
public sealed partial class RedisRateLimitStore(IConfiguration configuration, ILogger<RedisRateLimitStore> logger) : IDisposable
{
    private const string HitScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          ttl = tonumber(ARGV[1])
        end
        return {count, ttl}
        """;

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private int _failing;

    public string? ConnectionString => configuration.GetConnectionString("Redis") is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    public string KeyPrefix => configuration[$"{RateLimitPolicies.Section}:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "clientele:ratelimit";

    /// <summary>Counts <paramref name="permits"/> in the bucket's current window; null when Redis is unreachable.</summary>
    public async Task<WindowCount?> HitAsync(RateLimitBucket bucket, int permits)
    {
        try
        {
            var connection = await ConnectAsync();
            var result = (RedisResult[])(await connection.GetDatabase().ScriptEvaluateAsync(HitScript,
                [bucket.RedisKey(KeyPrefix)], [(long)bucket.Rule.Window.TotalMilliseconds, permits]))!;
            if (Interlocked.Exchange(ref _failing, 0) == 1)
            {
                LogRecovered(logger);
            }
            return new WindowCount((long)result[0], TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            RateLimitMetrics.RedisFailures.Add(1);
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                LogFailingOpen(logger, exception);
            }
            return null;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_connection is { } existing)
        {
            return existing;
        }
        await _connecting.WaitAsync();
        try
        {
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(ConnectionString ?? throw new InvalidOperationException("ConnectionStrings:Redis is not set."));
                options.AbortOnConnectFail = false;
                // A request must not wait for Redis to come back: fail at once, let it through, and reconnect in the background.
                options.BacklogPolicy = BacklogPolicy.FailFast;
                options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
                options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
                _connection = await ConnectionMultiplexer.ConnectAsync(options);
            }
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connecting.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Redis is unreachable for rate limits; requests are let through uncounted until it answers again")]
    private static partial void LogFailingOpen(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Information, "Redis answers again; rate limits are shared across instances")]
    private static partial void LogRecovered(ILogger logger);
}

public readonly record struct WindowCount(long Count, TimeSpan ResetsIn);
