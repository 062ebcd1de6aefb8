using System.Net;
using Clientele.Testing;

namespace Clientele.Api.Tests.RateLimits;

/// <summary>When Redis is configured but down, requests go through uncounted with a warning; a wrong limit stops the start-up.</summary>
public sealed class RateLimitFailureTests
{
    [Fact]
    public async Task With_redis_unreachable_requests_are_let_through_and_a_warning_is_logged()
    {
        var server = new SqliteServer();
        server.Settings["ConnectionStrings:Redis"] = "127.0.0.1:1";
        server.Settings["Clientele:RateLimits:Modules:banking:Default:PermitLimit"] = "1";
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            var client = server.CreateClient();

            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/banking/api/clients")).StatusCode);
            }

            var warnings = server.Logs.Lines.Where(l => l.Contains("Redis is unreachable for rate limits", StringComparison.Ordinal)).ToList();
            Assert.Single(warnings);
            Assert.StartsWith("Warning", warnings[0], StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_bad_limit_in_configuration_stops_the_start_up_naming_the_key()
    {
        var server = new SqliteServer();
        server.Settings["Clientele:RateLimits:Modules:banking:Default:PermitLimit"] = "-5";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ((IAsyncLifetime)server).InitializeAsync());

        Assert.Contains("Clientele:RateLimits:Modules:banking:Default:PermitLimit must be a whole number of at least 0, not '-5'.", error.ToString(), StringComparison.Ordinal);
        await ((IAsyncLifetime)server).DisposeAsync();
    }
}
