using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>With Redis configured, readiness depends on it: the real server the test command started, then one that is not there.</summary>
public sealed class RedisHealthTests
{
    public const string RedisVariable = "CLIENTELE_TEST_REDIS";

    [Fact]
    public async Task Ready_pings_the_configured_redis()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        Assert.False(string.IsNullOrEmpty(redis), $"{RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");

        await WithServerAsync(redis, async server =>
        {
            var response = await server.CreateClient().GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var check = (await response.ReadJsonAsync()).GetProperty("checks").GetProperty("redis");
            Assert.Equal("healthy", check.GetProperty("status").GetString());
        });
    }

    [Fact]
    public async Task Ready_is_503_when_the_configured_redis_is_down() =>
        await WithServerAsync("127.0.0.1:1", async server =>
        {
            var response = await server.CreateClient().GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var checks = (await response.ReadJsonAsync()).GetProperty("checks");
            Assert.Equal("unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
            Assert.Equal("healthy", checks.GetProperty("database-banking").GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/health/live")).StatusCode);
        });

    private static async Task WithServerAsync(string? redis, Func<SqliteServer, Task> test)
    {
        var server = new SqliteServer();
        server.Settings["ConnectionStrings:Redis"] = redis;
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            await test(server);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }
}
