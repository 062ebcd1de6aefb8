using System.Net.Http.Headers;
using Clientele.Api.Tests.Events;
using Clientele.Testing;

namespace Clientele.Api.Tests.Observability;

/// <summary><c>/metrics</c> counts outgoing webhook calls without naming where they went: a customer's receiver is not a label value.</summary>
public sealed class MetricsPrivacyTests(MetricsPrivacyTests.ScrapedEventsServer server) : IClassFixture<MetricsPrivacyTests.ScrapedEventsServer>
{
    private const string Token = "privacy-scrape-token";

    [Fact]
    public async Task Webhook_calls_are_measured_without_the_receivers_host_or_port()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, organization) = await server.ClientForNewOrganizationAsync("metrics-hosts", "*:write");
        await WebhookDeliveryTests.SubscribeAsync(client, receiver, "metrics.probe");
        await server.PublishAsync(organization, "metrics.probe", new { n = 1 });
        await Eventually.WaitAsync(() => Task.FromResult(receiver.Accepted.Count()), n => n == 1, "the delivery");

        var scraper = server.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var text = await Eventually.WaitAsync(() => scraper.GetStringAsync("/metrics"),
            t => t.Contains("http_client_request_duration_seconds_bucket", StringComparison.Ordinal), "the webhook call in /metrics");

        // The receiver is a Kestrel inside this test process, so Kestrel's own listen-address series are its, not the server's;
        // Npgsql's meters are process-wide too, so its pool series name the PostgreSQL of other test servers (operator
        // infrastructure, not a customer's receiver).
        text = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("kestrel_", StringComparison.Ordinal) && !l.StartsWith("db_client_", StringComparison.Ordinal)));
        Assert.Contains("http_client_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("server_address", text, StringComparison.Ordinal);
        Assert.DoesNotContain("server_port", text, StringComparison.Ordinal);
        Assert.DoesNotContain("network_peer_address", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dns_question_name", text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{receiver.Port}\"", text, StringComparison.Ordinal);
    }

    public sealed class ScrapedEventsServer : EventsServer
    {
        public ScrapedEventsServer() : base(DatabaseKind.Sqlite)
        {
            Settings["Clientele:Observability:MetricsToken"] = Token;
            Settings["Clientele:Events:Webhooks:RequireVerification"] = "false";
        }
    }
}
