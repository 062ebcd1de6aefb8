using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Churn.Demo;
using Clientele.Platform;
using Clientele.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Api.Tests.Churn.ChurnAuth;
using static Clientele.Api.Tests.Churn.ChurnTraining;

namespace Clientele.Api.Tests.Churn;

/// <summary>The churn server as it starts with demo data on: the default organization gets the bank's customers, a model and their scores.</summary>
public sealed class ChurnDemoServer : ChurnServer
{
    public ChurnDemoServer(DatabaseKind kind) : base(kind)
    {
        Settings[DemoSettings.EnabledKey] = "true";
    }
}

/// <summary>Demo data: 1 500 labelled customers, an active v1, every customer scored, a 30-day trend, alerts, and an analyst who sees masked contacts.</summary>
public sealed class ChurnDemoDataTests(DatabaseServers<ChurnDemoServer> servers) : IClassFixture<DatabaseServers<ChurnDemoServer>>
{
    private readonly ChurnDemoServer server = servers.Current;

    [DatabaseFact]
    public async Task The_demo_has_its_customers_an_active_model_scores_a_trend_and_alerts()
    {
        var (access, _) = await LoginAsync(server.CreateClient(), DemoSettings.AdminEmail, DemoSettings.PublishedPassword);
        var admin = server.WithBearer(access);

        var customers = await AllCustomersAsync(admin);
        Assert.Equal(ChurnDemoData.CustomerCount, customers.Count);
        Assert.Equal(1500, customers.Count);
        Assert.All(customers, c =>
        {
            Assert.Equal(JsonValueKind.Number, c.GetProperty("risk_score").ValueKind);
            Assert.InRange(c.GetProperty("risk_score").GetDouble(), 0, 1);
            Assert.Equal("v1", c.GetProperty("model_version").GetString());
            Assert.Contains(c.GetProperty("churned").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        });
        var churned = customers.Count(c => c.GetProperty("churned").GetBoolean());
        Assert.InRange(churned, 150, 600);

        var info = await GetJsonAsync(admin, InfoPath);
        Assert.Equal("v1", info.GetProperty("model_version").GetString());
        Assert.True(info.GetProperty("is_active").GetBoolean());
        Assert.Equal(1500, info.GetProperty("training_rows").GetInt32());
        Assert.True(info.GetProperty("metrics").GetProperty("auc_roc").GetDouble() > 0.6, info.GetProperty("metrics").ToString());
        Assert.Equal(1.0, info.GetProperty("feature_importance").EnumerateObject().Sum(p => p.Value.GetDouble()), 0.002);
        var version = Assert.Single((await GetJsonAsync(admin, VersionsPath)).EnumerateArray());
        Assert.True(version.GetProperty("is_active").GetBoolean());

        var dashboard = await GetJsonAsync(admin, DashboardPath);
        var distribution = dashboard.GetProperty("risk_distribution");
        Assert.Equal(1500, distribution.EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(0, distribution.GetProperty("unscored").GetInt32());
        var scores = customers.Select(c => c.GetProperty("risk_score").GetDouble()).ToList();
        Assert.Equal(scores.Count(s => s >= 0.7), distribution.GetProperty("high").GetInt32());
        Assert.Equal(scores.Count(s => s < 0.3), distribution.GetProperty("low").GetInt32());
        var high = dashboard.GetProperty("high_risk_customers").EnumerateArray().Select(h => h.GetProperty("risk_score").GetDouble()).ToList();
        Assert.Equal(10, high.Count);
        Assert.All(high, s => Assert.True(s >= 0.7));
        Assert.Equal(high.OrderDescending(), high);
        Assert.Equal(scores.OrderDescending().Take(10), high);

        var trend = dashboard.GetProperty("risk_trend").EnumerateArray().ToList();
        Assert.InRange(trend.Count, 29, 30);
        var days = trend.Select(t => DateOnly.ParseExact(t.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(days, d => Assert.InRange(d, today.AddDays(-29), today));
        Assert.Equal(days.Order(), days);
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.All(trend, t => Assert.InRange(t.GetProperty("average_risk").GetDouble(), 0, 1));
        // Risk drifted up towards today for the customers who are leaving.
        Assert.True(trend[^1].GetProperty("average_risk").GetDouble() > trend[0].GetProperty("average_risk").GetDouble(), dashboard.GetProperty("risk_trend").ToString());

        var alerts = await GetJsonAsync(admin, $"{AlertsPath}?alert_type=HIGH_RISK");
        Assert.Equal(scores.Count(s => s >= 0.7), alerts.GetProperty("count").GetInt32());
        Assert.True(alerts.GetProperty("results")[0].GetProperty("was_sent").GetBoolean());
    }

    [DatabaseFact]
    public async Task The_demo_analyst_logs_in_and_sees_masked_contacts_while_the_admin_sees_them_whole()
    {
        // The analyst's password is the demo admin's (the published one in Development).
        var password = DemoSettings.AdminPassword(server.Services.GetRequiredService<IConfiguration>());
        Assert.Equal(DemoSettings.PublishedPassword, password);
        var (analystAccess, _) = await LoginAsync(server.CreateClient(), ChurnDemoData.AnalystEmail, password);
        var (adminAccess, _) = await LoginAsync(server.CreateClient(), DemoSettings.AdminEmail, DemoSettings.PublishedPassword);
        var analyst = server.WithBearer(analystAccess);
        var admin = server.WithBearer(adminAccess);
        Assert.Contains("risk_analyst", Payload(analystAccess).GetRawText());

        var seenByAnalyst = (await ChurnRows.PageAsync(analyst, "?page_size=20")).GetProperty("results").EnumerateArray().ToList();
        var seenByAdmin = (await ChurnRows.PageAsync(admin, "?page_size=20")).GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(seenByAdmin.Select(c => c.GetProperty("id").GetInt32()), seenByAnalyst.Select(c => c.GetProperty("id").GetInt32()));
        Assert.All(seenByAdmin, c =>
        {
            Assert.Matches(@"^[a-z.]+\d+@mail\.(kz|uz)$", c.GetProperty("email").GetString());
            Assert.Matches(@"^\+(7|998) \d", c.GetProperty("phone").GetString());
            Assert.DoesNotContain("*", c.GetProperty("phone").GetString());
        });
        foreach (var (masked, whole) in seenByAnalyst.Zip(seenByAdmin))
        {
            var email = whole.GetProperty("email").GetString()!;
            Assert.Equal($"{email[0]}***{email[email.IndexOf('@')..]}", masked.GetProperty("email").GetString());
            Assert.Contains("*", masked.GetProperty("phone").GetString());
            Assert.Equal(whole.GetProperty("phone").GetString()![^2..], masked.GetProperty("phone").GetString()![^2..]);
            Assert.Equal(whole.GetProperty("risk_score").GetDouble(), masked.GetProperty("risk_score").GetDouble());
        }
        var id = seenByAdmin[0].GetProperty("id").GetInt32();
        Assert.Contains("***@", (await CustomerAsync(analyst, id)).GetProperty("email").GetString());
        Assert.DoesNotContain("*", (await CustomerAsync(admin, id)).GetProperty("email").GetString());

        // The analyst scores customers (a low-risk one, so the other test's high band stays as the demo made it) but does not manage models.
        var lowest = (await ChurnRows.PageAsync(admin, "?sort_by=risk_score&order=asc&page_size=1")).GetProperty("results")[0].GetProperty("id").GetInt32();
        Assert.Equal(lowest, (await PredictAsync(analyst, lowest)).GetProperty("customer_id").GetInt32());
        await AssertOnlyErrorAsync(await analyst.PostAsync(TrainPath, null), HttpStatusCode.Forbidden, "You do not have permission to perform this action");
        await AssertOnlyErrorAsync(await analyst.PostAsync($"{VersionsPath}v1/activate/", null), HttpStatusCode.Forbidden, "You do not have permission to perform this action");
        // A wrong password is refused.
        var wrong = await server.CreateClient().PostAsJsonAsync(LoginPath, new { username = ChurnDemoData.AnalystEmail, password = "not the demo password" });
        await AssertOnlyErrorAsync(wrong, HttpStatusCode.Unauthorized, "No active account found with the given credentials");
    }
}
