using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Churn.Data;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Api.Tests.Churn.ChurnAuth;
using static Clientele.Api.Tests.Churn.ChurnTraining;

namespace Clientele.Api.Tests.Churn;

/// <summary>The churn server with quick webhook delivery to a loopback receiver and alert e-mail to a real SMTP listener.</summary>
public sealed class ChurnMonitoringServer : ChurnServer
{
    public ChurnMonitoringServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Events:Webhooks:PollSeconds"] = "0.05";
        Settings["Clientele:Events:Webhooks:BaseDelaySeconds"] = "0.25";
        Settings["Clientele:Events:Webhooks:MaxDelaySeconds"] = "2";
        Settings["Clientele:Events:Webhooks:AllowLoopback"] = "true";
        Smtp.Configure(Settings, "churn@clientele.kz", "risk-team@bank.kz", "churn.alert");
        Smtp.Start();
    }

    public SmtpSink Smtp { get; } = new();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Seed 002's risk dashboard and alert history, checked against the customers' real scores, and the alert events.</summary>
public sealed class ChurnMonitoringTests(DatabaseServers<ChurnMonitoringServer> servers) : IClassFixture<DatabaseServers<ChurnMonitoringServer>>
{
    private readonly ChurnMonitoringServer server = servers.Current;

    private async Task<(HttpClient Client, Guid OrganizationId, string Key)> TrainedAsync(string slug, int customers = 300)
    {
        var organization = await server.CreateOrganizationAsync(slug);
        var key = await server.CreateApiKeyAsync(organization, "*:write");
        var client = server.WithApiKey(key);
        await CreateLabelledAsync(client, customers, prefix: slug);
        await TrainAsync(client);
        return (client, organization, key);
    }

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [DatabaseFact]
    public async Task The_dashboard_agrees_with_the_customers_scores()
    {
        var (client, _, _) = await TrainedAsync("churn-dashboard");
        var customers = await AllCustomersAsync(client);
        Assert.Equal(300, customers.Count);
        var scores = customers.Select(c => (Id: c.GetProperty("id").GetInt32(), Score: c.GetProperty("risk_score").GetDouble())).ToList();

        var dashboard = await GetJsonAsync(client, DashboardPath);

        var distribution = dashboard.GetProperty("risk_distribution");
        Assert.Equal(["high", "low", "medium", "unscored"], distribution.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(scores.Count(s => s.Score < 0.3), distribution.GetProperty("low").GetInt32());
        Assert.Equal(scores.Count(s => s.Score is >= 0.3 and < 0.7), distribution.GetProperty("medium").GetInt32());
        Assert.Equal(scores.Count(s => s.Score >= 0.7), distribution.GetProperty("high").GetInt32());
        Assert.Equal(0, distribution.GetProperty("unscored").GetInt32());
        Assert.Equal(300, distribution.EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(distribution.GetProperty("high").GetInt32() > 0, "the riskiest profile of the pattern should reach the high band");

        var high = dashboard.GetProperty("high_risk_customers").EnumerateArray().ToList();
        var expected = scores.Where(s => s.Score >= 0.7).OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(10).ToList();
        Assert.Equal(expected.Select(s => s.Id), high.Select(h => h.GetProperty("id").GetInt32()));
        Assert.Equal(expected.Select(s => s.Score), high.Select(h => h.GetProperty("risk_score").GetDouble()));
        Assert.InRange(high.Count, 1, 10);
        Assert.All(high, h =>
        {
            Assert.Equal(["id", "last_updated", "name", "risk_score"], h.EnumerateObject().Select(p => p.Name).Order());
            Assert.True(h.GetProperty("risk_score").GetDouble() >= 0.7);
            var customer = customers.Single(c => c.GetProperty("id").GetInt32() == h.GetProperty("id").GetInt32());
            Assert.Equal(customer.GetProperty("name").GetString(), h.GetProperty("name").GetString());
            Assert.Equal(customer.GetProperty("last_updated").GetDateTime(), h.GetProperty("last_updated").GetDateTime());
        });
        var listed = high.Select(h => h.GetProperty("risk_score").GetDouble()).ToList();
        Assert.Equal(listed.OrderDescending(), listed);

        // One score per customer so far (the sweep after training): the trend's average is theirs.
        var trend = dashboard.GetProperty("risk_trend").EnumerateArray().ToList();
        Assert.InRange(trend.Count, 1, 2);
        Assert.All(trend, t => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", t.GetProperty("date").GetString()));
        Assert.Equal(300, trend.Sum(t => t.GetProperty("scores").GetInt32()));
        var weighted = trend.Sum(t => t.GetProperty("average_risk").GetDouble() * t.GetProperty("scores").GetInt32()) / 300;
        Assert.Equal(scores.Average(s => s.Score), weighted, 0.0002);
        Assert.Equal("v1", dashboard.GetProperty("model_version").GetString());
        Assert.Equal(0.7, dashboard.GetProperty("thresholds").GetProperty("high").GetDouble());

        // A new risky customer joins the top of the high band and the counts.
        var risky = await ChurnRows.CreateAsync(client, Risky("Новый Риск", "newrisk@mail.kz"));
        var after = await GetJsonAsync(client, DashboardPath);
        Assert.Equal(301, after.GetProperty("risk_distribution").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(distribution.GetProperty("high").GetInt32() + 1, after.GetProperty("risk_distribution").GetProperty("high").GetInt32());
        Assert.Contains(after.GetProperty("high_risk_customers").EnumerateArray(), h => h.GetProperty("id").GetInt32() == risky.GetProperty("id").GetInt32()
            || h.GetProperty("risk_score").GetDouble() >= risky.GetProperty("risk_score").GetDouble());
        Assert.Equal(301, after.GetProperty("risk_trend").EnumerateArray().Sum(t => t.GetProperty("scores").GetInt32()));
    }

    [DatabaseFact]
    public async Task Without_a_model_every_customer_is_unscored_and_there_is_no_trend_and_no_alert()
    {
        var (client, _) = await NewOrganizationAsync(server, "churn-dashboard-empty");
        await CreateLabelledAsync(client, 7, prefix: "empty");

        var dashboard = await GetJsonAsync(client, DashboardPath);

        Assert.Equal(0, dashboard.GetProperty("high_risk_customers").GetArrayLength());
        Assert.Equal("{\"low\":0,\"medium\":0,\"high\":0,\"unscored\":7}", dashboard.GetProperty("risk_distribution").GetRawText());
        Assert.Equal(0, dashboard.GetProperty("risk_trend").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, dashboard.GetProperty("model_version").ValueKind);
        Assert.Equal("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}", await client.GetStringAsync(AlertsPath));
    }

    [DatabaseFact]
    public async Task High_risk_customers_have_one_sent_alert_each_and_the_list_pages_and_filters()
    {
        var (client, _, _) = await TrainedAsync("churn-alerts");
        var customers = await AllCustomersAsync(client);
        var highIds = customers.Where(c => c.GetProperty("risk_score").GetDouble() >= 0.7).Select(c => c.GetProperty("id").GetInt32()).Order().ToList();
        Assert.NotEmpty(highIds);

        var alerts = await AlertsAsync(client);

        var highRisk = alerts.Where(a => a.GetProperty("alert_type").GetString() == "HIGH_RISK").ToList();
        Assert.Equal(highIds, highRisk.Select(a => a.GetProperty("customer_id").GetInt32()).Order());
        Assert.All(alerts, a => Assert.Contains(a.GetProperty("alert_type").GetString(), new[] { "HIGH_RISK", "DRIFT" }));
        Assert.All(highRisk, a =>
        {
            Assert.Equal(["alert_type", "created_at", "customer_id", "error_message", "id", "message", "was_sent"], a.EnumerateObject().Select(p => p.Name).Order());
            Assert.True(a.GetProperty("was_sent").GetBoolean());
            Assert.Equal(JsonValueKind.Null, a.GetProperty("error_message").ValueKind);
            var customer = customers.Single(c => c.GetProperty("id").GetInt32() == a.GetProperty("customer_id").GetInt32());
            var score = customer.GetProperty("risk_score").GetDouble();
            Assert.Equal($"Customer {customer.GetProperty("name").GetString()} (#{customer.GetProperty("id").GetInt32()}) has a high churn risk of {score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}",
                a.GetProperty("message").GetString());
            Assert.EndsWith("Z", a.GetProperty("created_at").GetString());
            Assert.InRange(a.GetProperty("created_at").GetDateTime().ToUniversalTime(), DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddSeconds(5));
        });
        // Newest first.
        var order = alerts.Select(a => (a.GetProperty("created_at").GetDateTime(), a.GetProperty("id").GetInt64())).ToList();
        Assert.Equal(order.OrderByDescending(o => o.Item1).ThenByDescending(o => o.Item2), order);

        // Pages of two: count, absolute next and previous links.
        var first = await GetJsonAsync(client, $"{AlertsPath}?page_size=2");
        Assert.Equal(["count", "next", "previous", "results"], first.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(alerts.Count, first.GetProperty("count").GetInt32());
        Assert.Equal(Math.Min(2, alerts.Count), first.GetProperty("results").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        if (alerts.Count > 2)
        {
            Assert.Equal("http://localhost/churn/api/monitoring/alerts/?page_size=2&page=2", first.GetProperty("next").GetString());
            var second = await GetJsonAsync(client, first.GetProperty("next").GetString()!);
            Assert.Equal("http://localhost/churn/api/monitoring/alerts/?page_size=2", second.GetProperty("previous").GetString());
            Assert.Equal(alerts[2].GetProperty("id").GetInt64(), second.GetProperty("results")[0].GetProperty("id").GetInt64());
        }
        // The default page is ten.
        Assert.Equal(Math.Min(10, alerts.Count), (await GetJsonAsync(client, AlertsPath)).GetProperty("results").GetArrayLength());

        // customer_id narrows to that customer's alerts; a customer with none has none.
        var one = highIds[0];
        var mine = await AlertsAsync(client, $"customer_id={one}");
        Assert.Equal(one, Assert.Single(mine).GetProperty("customer_id").GetInt32());
        var low = customers.First(c => c.GetProperty("risk_score").GetDouble() < 0.3).GetProperty("id").GetInt32();
        Assert.Empty(await AlertsAsync(client, $"customer_id={low}"));

        // Dates are UTC days, both ends inclusive.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var createdDays = alerts.Select(a => DateOnly.FromDateTime(a.GetProperty("created_at").GetDateTime().ToUniversalTime())).Distinct().ToList();
        Assert.Equal(alerts.Count, (await AlertsAsync(client, $"start_date={Day(createdDays.Min())}&end_date={Day(createdDays.Max())}")).Count);
        Assert.Equal(alerts.Count, (await AlertsAsync(client, $"start_date={Day(today.AddDays(-3))}")).Count);
        Assert.Empty(await AlertsAsync(client, $"start_date={Day(today.AddDays(1))}"));
        Assert.Empty(await AlertsAsync(client, $"end_date={Day(createdDays.Min().AddDays(-1))}"));
        Assert.Single(await AlertsAsync(client, $"customer_id={one}&start_date={Day(createdDays.Min())}&end_date={Day(today.AddDays(1))}"));

        foreach (var (query, field) in new[]
        {
            ("start_date=2024/01/01", "start_date"), ("end_date=31-12-2024", "end_date"), ("start_date=2024-02-30", "start_date"),
            ("end_date=today", "end_date"), ("customer_id=abc", "customer_id"),
        })
        {
            var error = await AssertErrorAsync(await client.GetAsync($"{AlertsPath}?{query}"), HttpStatusCode.BadRequest, "Invalid input");
            Assert.True(error.GetProperty("fields").TryGetProperty(field, out var messages), error.ToString());
            if (field != "customer_id")
            {
                Assert.Equal("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.", messages[0].GetString());
            }
        }

        // Another organization lists none of them.
        var (other, _) = await NewOrganizationAsync(server, "churn-alerts-other");
        Assert.Equal(0, (await GetJsonAsync(other, AlertsPath)).GetProperty("count").GetInt32());
        Assert.Empty(await AlertsAsync(other, $"customer_id={one}"));
    }

    [DatabaseFact]
    public async Task Scoring_a_high_risk_customer_again_inside_the_cool_down_raises_no_second_alert_and_a_sharp_rise_raises_one()
    {
        var (client, _, _) = await TrainedAsync("churn-cooldown");
        var risky = await ChurnRows.CreateAsync(client, Risky("Повторный Риск", "again@mail.kz"));
        var id = risky.GetProperty("id").GetInt32();
        Assert.True(risky.GetProperty("risk_score").GetDouble() >= 0.7, risky.ToString());

        await PredictAsync(client, id);
        await PredictAsync(client, id);
        var batch = await client.PostAsJsonAsync(BatchPath, new { customer_ids = new[] { id } });
        await PollAsync(client, batch.Headers.Location!.OriginalString);

        Assert.Equal(4, (await CustomerAsync(client, id)).GetProperty("risk_history").GetArrayLength());
        var alerts = await AlertsAsync(client, $"customer_id={id}");
        var alert = Assert.Single(alerts);
        Assert.Equal("HIGH_RISK", alert.GetProperty("alert_type").GetString());
        Assert.True(alert.GetProperty("was_sent").GetBoolean());

        // A safe customer who becomes risky: a sharp rise and a high score, one alert each.
        var safe = await ChurnRows.CreateAsync(client, Safe("Бывший Надёжный", "formerly@mail.kz"));
        var safeId = safe.GetProperty("id").GetInt32();
        var before = safe.GetProperty("risk_score").GetDouble();
        Assert.Empty(await AlertsAsync(client, $"customer_id={safeId}"));
        var updated = await (await client.PutAsJsonAsync($"{ChurnRows.Path}{safeId}/", Risky("Бывший Надёжный", "formerly@mail.kz"))).ReadJsonAsync();
        var after = updated.GetProperty("risk_score").GetDouble();
        await PredictAsync(client, safeId);

        var raised = await AlertsAsync(client, $"customer_id={safeId}");
        Assert.Equal(["HIGH_RISK", "RISK_INCREASE"], raised.Select(a => a.GetProperty("alert_type").GetString()).Order());
        var rise = raised.Single(a => a.GetProperty("alert_type").GetString() == "RISK_INCREASE").GetProperty("message").GetString()!;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Contains($"from {before.ToString("0.00", culture)} to {after.ToString("0.00", culture)}", rise);
        Assert.Contains($"rose {((after - before) / before * 100).ToString("0", culture)}%", rise);
        Assert.Single(await AlertsAsync(client, $"customer_id={safeId}&alert_type=RISK_INCREASE"));
    }

    [DatabaseFact]
    public async Task A_churn_alert_reaches_the_organizations_socket_webhook_and_email_and_not_another_organizations_socket()
    {
        var (client, organization, key) = await TrainedAsync("churn-events", 120);
        var otherOrganization = await server.CreateOrganizationAsync("churn-events-other");
        var otherKey = await server.CreateApiKeyAsync(otherOrganization, "churn:read");
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (subscription, secret) = await WebhookDeliveryTests.SubscribeAsync(client, receiver, "churn.alert");
        using var mine = await EventSockets.ConnectWithKeyAsync(server, key);
        await EventSockets.SubscribeAsync(mine, "churn.alert");
        using var theirs = await EventSockets.ConnectWithKeyAsync(server, otherKey);
        await EventSockets.SubscribeAsync(theirs, "churn.alert");

        var risky = await ChurnRows.CreateAsync(client, Risky("Событийный Риск", "event@mail.kz"));
        var id = risky.GetProperty("id").GetInt32();

        // Alerts the sweep raised may still be on their way; ours is the one naming the new customer.
        JsonElement received;
        do
        {
            received = await EventSockets.ReceiveJsonAsync(mine);
            Assert.Equal("churn.alert", received.GetProperty("event").GetString());
            Assert.Equal(organization.ToString(), received.GetProperty("organization").GetProperty("id").GetString());
        }
        while (!(received.TryGetProperty("customer_id", out var customer) && customer.ValueKind == JsonValueKind.Number && customer.GetInt32() == id));
        Assert.Equal("HIGH_RISK", received.GetProperty("alert_type").GetString());
        Assert.Equal(risky.GetProperty("risk_score").GetDouble(), received.GetProperty("risk_score").GetDouble());
        Assert.Equal(JsonValueKind.Null, received.GetProperty("previous_score").ValueKind);
        var alert = Assert.Single(await AlertsAsync(client, $"customer_id={id}"));
        Assert.Equal(alert.GetProperty("message").GetString(), received.GetProperty("message").GetString());

        // The other organization's socket gets its own event first: ours never reached it.
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(otherOrganization);
            var db = scope.ServiceProvider.GetRequiredService<ChurnDbContext>();
            db.Publish("churn.alert", new { alert_type = "MARKER", customer_id = (int?)null, message = "the other organization's own" });
            await db.SaveChangesAsync();
        }
        var first = await EventSockets.ReceiveJsonAsync(theirs);
        Assert.Equal("MARKER", first.GetProperty("alert_type").GetString());
        Assert.Equal(otherOrganization.ToString(), first.GetProperty("organization").GetProperty("id").GetString());

        // The webhook gets it too, signed with the subscription's secret.
        var arrival = await Eventually.WaitAsync(() => Task.FromResult(receiver.Accepted.FirstOrDefault(r =>
                JsonDocument.Parse(r.Body).RootElement.TryGetProperty("customer_id", out var c) && c.ValueKind == JsonValueKind.Number && c.GetInt32() == id)),
            r => r is not null, "the alert's webhook delivery");
        Assert.True(WebhookSignature.Verify(secret, arrival!.Headers[WebhookSignature.TimestampHeader], arrival.Body, arrival.Headers[WebhookSignature.SignatureHeader]));
        Assert.Equal("churn.alert", arrival.Headers[WebhookSignature.EventHeader]);
        Assert.Equal(received.GetProperty("event_id").GetString(), arrival.EventId);
        Assert.Equal("HIGH_RISK", JsonDocument.Parse(arrival.Body).RootElement.GetProperty("alert_type").GetString());
        Assert.NotEmpty(await WebhookDeliveryTests.DeliveriesAsync(client, subscription));

        // And an e-mail, over real SMTP, whose body is the same event.
        var mail = await Eventually.WaitAsync(() => Task.FromResult(server.Smtp.Messages.Select(Mime).FirstOrDefault(m => (m.TextBody ?? "").Contains(arrival!.EventId, StringComparison.Ordinal))),
            m => m is not null, "the alert's e-mail");
        Assert.Equal("[Clientele] churn.alert", mail!.Subject);
        Assert.Equal("risk-team@bank.kz", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains(alert.GetProperty("message").GetString()!, mail.TextBody, StringComparison.Ordinal);
    }

    private static MimeKit.MimeMessage Mime(string raw) => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
}
