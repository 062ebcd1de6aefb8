using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.RateLimits;

/// <summary>Past its limit a caller gets 429 with Retry-After and the module's own error body; each API key and device key counts alone.</summary>
public class RateLimitTests(DatabaseServers<RateLimitedServer> servers) : IClassFixture<DatabaseServers<RateLimitedServer>>
{
    private readonly RateLimitedServer server = servers.Current;

    private const int Limit = RateLimitedServer.Limit;

    [DatabaseFact]
    public async Task Banking_answers_429_with_retry_after_and_its_fastapi_body_once_a_key_is_over_the_limit()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("limited", "banking:read");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/banking/api/clients")).StatusCode);
        }

        var refused = await client.GetAsync("/banking/api/clients");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var body = await refused.ReadJsonAsync();
        Assert.Equal("Too Many Requests", body.GetProperty("detail").GetString());
        Assert.Equal(retryAfter, body.GetProperty("retry_after").GetInt32());
        Assert.Equal(2, body.EnumerateObject().Count());
    }

    [DatabaseFact]
    public async Task Each_api_key_has_its_own_bucket_and_clients_with_the_same_key_share_one()
    {
        var organization = await server.CreateOrganizationAsync("two-keys");
        var first = await server.CreateApiKeyAsync(organization, "banking:read");
        var second = await server.CreateApiKeyAsync(organization, "banking:read");
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.WithApiKey(first).GetAsync("/banking/api/clients")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.WithApiKey(first).GetAsync("/banking/api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.WithBearer(first).GetAsync("/banking/api/clients")).StatusCode);
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.WithApiKey(second).GetAsync("/banking/api/clients")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await server.WithApiKey(second).GetAsync("/banking/api/clients")).StatusCode);
    }

    [DatabaseFact]
    public async Task Login_is_limited_per_ip_whatever_the_password_and_answers_in_the_platform_shape()
    {
        var client = server.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            var attempt = await client.PostAsJsonAsync("/platform/api/auth/login", new { email = $"guess{i}@example.kz", password = "wrong password" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var refused = await server.CreateClient().PostAsJsonAsync("/platform/api/auth/login", new { email = "someone@example.kz", password = "another one" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var body = await refused.ReadJsonAsync();
        Assert.Equal("Too Many Requests", body.GetProperty("detail").GetString());
        Assert.True(body.GetProperty("retry_after").GetInt32() > 0);
    }

    [DatabaseFact]
    public async Task A_churn_path_is_limited_too_and_refused_in_the_churn_shape()
    {
        var client = server.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/churn/api/nothing-here/")).StatusCode);
        }

        var refused = await client.GetAsync("/churn/api/nothing-here/");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var body = await refused.ReadJsonAsync();
        Assert.Equal("Request limit exceeded", body.GetProperty("error").GetString());
        Assert.Equal(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("retry_after").GetInt32());
    }

    [DatabaseFact]
    public async Task Each_device_key_has_its_own_bucket()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await DeviceClient("camera-a").GetAsync("/visitors/api/events")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await DeviceClient("camera-a").GetAsync("/visitors/api/events")).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await DeviceClient("camera-b").GetAsync("/visitors/api/events")).StatusCode);
    }

    [DatabaseFact]
    public async Task Health_and_paths_outside_the_modules_are_never_limited()
    {
        for (var i = 0; i < Limit * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/health/live")).StatusCode);
        }
    }

    private HttpClient DeviceClient(string key)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Device-Key", key);
        return client;
    }
}
