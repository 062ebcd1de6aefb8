using Clientele.Platform.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Clientele.Platform;

/// <summary>
/// One Data Protection key ring for every instance (session cookies, antiforgery tokens, Blazor state): a fixed application
/// name, and the keys in Redis when <c>ConnectionStrings:Redis</c> is set, else in the platform database
/// (<c>platform_data_protection_keys</c>).
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "Clientele";
    public const string RedisKeySetting = "Clientele:DataProtection:RedisKey";
    public const string DefaultRedisKey = "clientele:data-protection-keys";

    public static IServiceCollection AddClienteleDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<KeyRingRedis>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingStorage>();
        return services;
    }

    public static string RedisKey(IConfiguration configuration) =>
        configuration[RedisKeySetting] is { Length: > 0 } key && !string.IsNullOrWhiteSpace(key) ? key : DefaultRedisKey;

    /// <summary>Decided when the key ring is first used, so configuration set late (tests, environment) counts.</summary>
    private sealed class KeyRingStorage(IConfiguration configuration, KeyRingRedis redis, IServiceProvider services, ILoggerFactory loggers)
        : IConfigureOptions<KeyManagementOptions>
    {
        public void Configure(KeyManagementOptions options) =>
            options.XmlRepository = redis.ConnectionString is not null
                ? new RedisXmlRepository(redis.Database, RedisKey(configuration))
                : new EntityFrameworkCoreXmlRepository<PlatformDbContext>(services, loggers);
    }

    /// <summary>Its own connection, opened at the first read of the key ring; it reconnects by itself after an outage.</summary>
    private sealed class KeyRingRedis(IConfiguration configuration) : IDisposable
    {
        private readonly Lock _gate = new();
        private ConnectionMultiplexer? _connection;

        public string? ConnectionString => configuration.GetConnectionString("Redis") is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

        public IDatabase Database()
        {
            lock (_gate)
            {
                _connection ??= ConnectionMultiplexer.Connect(ConnectionString + ",abortConnect=false,connectTimeout=3000");
                return _connection.GetDatabase();
            }
        }

        public void Dispose() => _connection?.Dispose();
    }
}
