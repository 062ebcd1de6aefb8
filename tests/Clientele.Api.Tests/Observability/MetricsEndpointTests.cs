using System.Net;
using System.Net.Http.Headers;
using Clientele.Testing;

namespace Clientele.Api.Tests.Observability;

/// <summary><c>/metrics</c> speaks Prometheus text with ASP.NET Core's request durations and Clientele's own counters, and only to a caller with the token.</summary>
public sealed class MetricsEndpointTests(MetricsEndpointTests.TokenServer server) : IClassFixture<MetricsEndpointTests.TokenServer>
{
    public const string Token = "scrape-token-for-tests";

    [Fact]
    public async Task Metrics_list_request_durations_and_rate_limit_rejections()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("metrics", "banking:read");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/banking/api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/banking/api/clients")).StatusCode);

        var text = "";
        for (var i = 0; i < 100 && !(text.Contains("http_server_request_duration_seconds_bucket", StringComparison.Ordinal)
            && text.Contains("clientele_rate_limit_rejections_total", StringComparison.Ordinal)); i++)
        {
            var response = await Scraper(Token).GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            text = await response.Content.ReadAsStringAsync();
            await Task.Delay(100);
        }

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/banking/api/clients/\"", text, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=\"429\"", text, StringComparison.Ordinal);
        Assert.Matches("""clientele_rate_limit_rejections_total\{[^}]*module="banking"[^}]*\} [1-9]""", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("scrape-token-for-test")]
    public async Task Without_the_right_token_metrics_are_refused(string? token)
    {
        var response = await Scraper(token).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("http_server", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Scraper(string? token)
    {
        var client = server.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public sealed class TokenServer : ClienteleFactory
    {
        public TokenServer() : base(DatabaseKind.Sqlite)
        {
            Environment = "Production";
            Settings["Clientele:Observability:MetricsToken"] = Token;
            Settings["Clientele:RateLimits:Modules:banking:Default:PermitLimit"] = "1";
        }
    }
}
