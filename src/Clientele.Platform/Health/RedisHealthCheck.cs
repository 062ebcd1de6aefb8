using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Clientele.Platform.Health;

/// <summary>Pings Redis when <c>ConnectionStrings:Redis</c> is set; without it the service runs on one instance and the check says so.</summary>
public sealed class RedisHealthCheck(IConfiguration configuration) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return HealthCheckResult.Healthy("not configured");
        }
        try
        {
            await _connecting.WaitAsync(cancellationToken);
            try
            {
                _connection ??= await ConnectionMultiplexer.ConnectAsync(connectionString + ",abortConnect=false,connectTimeout=3000");
            }
            finally
            {
                _connecting.Release();
            }
            var latency = await _connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable", exception);
        }
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connecting.Dispose();
    }
}
