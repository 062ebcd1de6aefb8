using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Events;

/// <summary>Bad webhook URLs are refused with a clear 422 on <c>["body", "url"]</c>, and nothing is stored.</summary>
public class WebhookUrlRefusalTests(DatabaseServers<EventsServer> servers) : IClassFixture<DatabaseServers<EventsServer>>
{
    private readonly EventsServer server = servers.Current;

    [DatabaseTheory]
    [InlineData("ftp://example.com/hook", "url_scheme", "http or https")]
    [InlineData("file:///etc/passwd", "url_scheme", "http or https")]
    [InlineData("not a url", "url_parsing", "absolute")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "url_forbidden", "metadata")]
    [InlineData("http://[fd00:ec2::254]/", "url_forbidden", "metadata")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "url_forbidden", "metadata")]
    [InlineData("http://[fe80::1]/hook", "url_forbidden", "link-local")]
    [InlineData("http://169.254.1.1/hook", "url_forbidden", "link-local")]
    [InlineData("http://0.0.0.0:8080/hook", "url_forbidden", "unspecified")]
    [InlineData("http://224.0.0.1/hook", "url_forbidden", "multicast")]
    [InlineData("http://10.0.0.5/hook", "url_forbidden", "private network")]
    public async Task Refused_urls_get_a_clear_error_and_nothing_is_stored(string url, string type, string message)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("refuse", "*:write");

        var response = await client.PostAsJsonAsync("/platform/api/webhooks", new { url, event_types = new[] { "*" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = Assert.Single((await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(["body", "url"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains(message, problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal("[]", await client.GetStringAsync("/platform/api/webhooks"));
    }

    [DatabaseFact]
    public async Task A_receiver_that_does_not_echo_the_challenge_fails_verification()
    {
        await using var receiver = new WebhookReceiver { EchoChallenge = false };
        await receiver.StartAsync();
        var (client, _) = await server.ClientForNewOrganizationAsync("verify", "*:write");

        var response = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = receiver.Url });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("url_verification_failed", problem.GetProperty("type").GetString());
        Assert.Contains("did not echo the challenge", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal("webhook.verification", Assert.Single(receiver.Requests).EventType);
        Assert.Equal("[]", await client.GetStringAsync("/platform/api/webhooks"));
    }

    [DatabaseFact]
    public async Task A_url_where_nothing_listens_fails_verification()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("verify", "*:write");

        var response = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = $"http://127.0.0.1:{WebhookReceiver.FreePort()}/hook" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("url_verification_failed", problem.GetProperty("type").GetString());
        Assert.StartsWith("URL failed verification:", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_changed_url_is_checked_and_verified_again()
    {
        await using var good = new WebhookReceiver();
        await good.StartAsync();
        await using var silent = new WebhookReceiver { EchoChallenge = false };
        await silent.StartAsync();
        var (client, _) = await server.ClientForNewOrganizationAsync("reverify", "*:write");
        var (id, _) = await WebhookDeliveryTests.SubscribeAsync(client, good, "*");

        var metadata = await client.PatchAsJsonAsync($"/platform/api/webhooks/{id}", new { url = "http://169.254.169.254/" });
        var unverified = await client.PatchAsJsonAsync($"/platform/api/webhooks/{id}", new { url = silent.Url });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unverified.StatusCode);
        Assert.Equal("url_verification_failed", (await unverified.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Equal(good.Url, (await (await client.GetAsync($"/platform/api/webhooks/{id}")).ReadJsonAsync()).GetProperty("url").GetString());
    }

    [DatabaseFact]
    public async Task Missing_or_mistyped_fields_are_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("fields", "*:write");

        var missing = await client.PostAsJsonAsync("/platform/api/webhooks", new { event_types = new[] { "*" } });
        var wrongType = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = "https://93.184.216.34/", event_types = "job.failed" });
        var badTypes = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = "https://93.184.216.34/", event_types = new[] { "ok.type", "no spaces" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("missing", (await missing.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTypes.StatusCode);
        var problem = Assert.Single((await badTypes.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        Assert.Equal("event_types", problem.GetProperty("loc")[1].GetString());
        Assert.Equal(1, problem.GetProperty("loc")[2].GetInt32());
    }

}

/// <summary>Without <c>AllowLoopback</c> (the default), a loopback receiver is refused before any request is sent.</summary>
public sealed class WebhookLoopbackTests
{
    [DatabaseTheory]
    [InlineData("http://127.0.0.1:{0}/hook")]
    [InlineData("http://localhost:{0}/hook")]
    [InlineData("http://[::1]:{0}/hook")]
    public async Task Loopback_is_refused_unless_configuration_allows_it(string template)
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var server = new SqliteServer();
        await server.InitializeAsync();
        try
        {
            var (client, _) = await server.ClientForNewOrganizationAsync("loop", "*:write");

            var response = await client.PostAsJsonAsync("/platform/api/webhooks", new { url = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, receiver.Port) });

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
            Assert.Equal("url_forbidden", problem.GetProperty("type").GetString());
            Assert.Contains("AllowLoopback", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
            Assert.Empty(receiver.Requests);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }
}
