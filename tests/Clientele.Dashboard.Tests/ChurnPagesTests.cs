using System.Globalization;
using System.Text.Json;
using Clientele.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

/// <summary>The churn pages over a bank whose v1 was trained through the API (<see cref="ChurnDashboardServer"/>); the figures are the API's own.</summary>
public sealed class ChurnPagesTests(ChurnDashboardServer server, BrowserFixture browser) : IClassFixture<ChurnDashboardServer>, IClassFixture<BrowserFixture>
{
    private static ILocator Input(IPage page, string id) => page.Locator($"input#{id}, #{id} input");

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Metric(JsonElement value) => value.GetDouble().ToString("0.0000", CultureInfo.InvariantCulture);

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string email, string path)
    {
        var (context, page) = await DashboardPageOpenAsync();
        try
        {
            await DashboardPage.SignInAsync(page, email, ChurnDashboardServer.Password, path);
        }
        catch (PlaywrightException e)
        {
            // The server's own words help more than a missing element.
            throw new InvalidOperationException(string.Join('\n', server.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3)), e);
        }
        return (context, page);
    }

    private async Task<(IBrowserContext Context, IPage Page)> DashboardPageOpenAsync()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(DashboardPage.Timeout);
        SetDefaultExpectTimeout(DashboardPage.Timeout);
        return (context, await context.NewPageAsync());
    }

    [Fact]
    public async Task The_churn_nav_link_opens_monitoring_with_the_APIs_distribution_trend_riskiest_customers_and_alerts()
    {
        var (context, page) = await OpenAsync(ChurnDashboardServer.AdminEmail, "/");
        await using var _ = context;
        var dashboard = await server.JsonAsync(server.BankKey, "/churn/api/monitoring/dashboard/");
        var distribution = dashboard.GetProperty("risk_distribution");
        var (low, medium, high) = (distribution.GetProperty("low").GetInt32(), distribution.GetProperty("medium").GetInt32(), distribution.GetProperty("high").GetInt32());
        Assert.Equal(ChurnBank.Customers, low + medium + high);
        Assert.Equal(0, distribution.GetProperty("unscored").GetInt32());

        await page.Locator("#nav-churn").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/modules/churn");
        await Expect(page.Locator("#module-placeholder")).ToHaveCountAsync(0);
        await Expect(page.Locator("#churn-tabs")).ToBeVisibleAsync();

        await Expect(page.Locator("#figure-low .figure-value")).ToHaveTextAsync(N(low));
        await Expect(page.Locator("#figure-medium .figure-value")).ToHaveTextAsync(N(medium));
        await Expect(page.Locator("#figure-high .figure-value")).ToHaveTextAsync(N(high));
        await Expect(page.Locator("#figure-model .figure-value")).ToHaveTextAsync("v1 · 0");
        foreach (var (band, count) in new[] { ("low", low), ("medium", medium), ("high", high) })
        {
            await Expect(page.Locator($"#band-chart .chart-bar[data-key='{band}']")).ToHaveAttributeAsync("data-value", N(count));
            await Expect(page.Locator($"#band-chart .chart-bar[data-key='{band}'] .chart-bar-value")).ToHaveTextAsync(N(count));
        }

        var trend = dashboard.GetProperty("risk_trend");
        Assert.True(trend.GetArrayLength() >= 2, trend.ToString());
        await Expect(page.Locator("#trend-chart .chart-point")).ToHaveCountAsync(trend.GetArrayLength());
        await Expect(page.Locator("#trend-chart .chart-line")).ToHaveCountAsync(1);
        var last = trend[trend.GetArrayLength() - 1];
        await Expect(page.Locator("#trend-chart .chart-point").Last).ToHaveAttributeAsync("data-y", last.GetProperty("average_risk").GetDouble().ToString("0.####", CultureInfo.InvariantCulture));

        var riskiest = dashboard.GetProperty("high_risk_customers");
        Assert.True(riskiest.GetArrayLength() > 0, "the bank should have customers at high risk");
        var rows = page.Locator("#high-risk-table tbody tr");
        await Expect(rows).ToHaveCountAsync(riskiest.GetArrayLength());
        await Expect(rows.First.Locator(".high-risk-score")).ToHaveTextAsync(riskiest[0].GetProperty("risk_score").GetDouble().ToString("0.000", CultureInfo.InvariantCulture));

        var alerts = await server.JsonAsync(server.BankKey, "/churn/api/monitoring/alerts/?page_size=20");
        var listed = alerts.GetProperty("results");
        Assert.True(listed.GetArrayLength() > 0, "scoring high-risk customers should have raised alerts");
        await Expect(page.Locator("#alerts-table tbody tr")).ToHaveCountAsync(listed.GetArrayLength());
        await Expect(page.Locator("#alerts-table tbody tr").First.Locator(".alert-type")).ToHaveTextAsync(listed[0].GetProperty("alert_type").GetString()!);
        await Expect(page.Locator("#alerts-table tbody tr").First.Locator(".alert-message")).ToHaveTextAsync(listed[0].GetProperty("message").GetString()!);

        await rows.First.Locator("a.high-risk-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/modules/churn/customers/{riskiest[0].GetProperty("id").GetInt32()}");
        await Expect(page.Locator("#customer-title")).ToHaveTextAsync(riskiest[0].GetProperty("name").GetString()!);
        await Expect(page.Locator("#customer-band")).ToHaveTextAsync("high risk");
    }

    [Fact]
    public async Task The_customers_page_searches_sorts_pages_and_exports_what_it_shows_with_PII_for_an_admin()
    {
        var (context, page) = await OpenAsync(ChurnDashboardServer.AdminEmail, "/modules/churn/customers");
        await using var _ = context;
        var rows = page.Locator("#customers-table tbody tr");

        await Expect(page.Locator("#customers-total")).ToHaveTextAsync($"{ChurnBank.Customers} customers");
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.First.Locator(".customer-id")).ToHaveTextAsync("1");
        await Expect(rows.First.Locator(".customer-email")).ToHaveTextAsync(ChurnBank.Email(1));
        await Expect(rows.First.Locator(".band-chip")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(low|medium|high)$"));
        await Expect(page.Locator("#pii-masked")).ToHaveCountAsync(0);

        var found = await server.JsonAsync(server.BankKey, "/churn/api/customers/?search=%D1%8E%D1%81%D1%83%D0%BF%D0%BE%D0%B2&page_size=100");
        var count = found.GetProperty("count").GetInt32();
        Assert.InRange(count, 1, ChurnBank.Customers / 2);
        var shown = Math.Min(count, 25);
        await Input(page, "customer-search").FillAsync("Юсупов");
        await Expect(page.Locator("#customers-total")).ToHaveTextAsync($"{count} customers");
        await Expect(rows).ToHaveCountAsync(shown);
        for (var i = 0; i < shown; i++)
        {
            await Expect(rows.Nth(i).Locator(".customer-name")).ToContainTextAsync("Юсупов");
        }

        var byRisk = await server.JsonAsync(server.BankKey, "/churn/api/customers/?search=%D1%8E%D1%81%D1%83%D0%BF%D0%BE%D0%B2&sort_by=risk_score&order=desc");
        await page.Locator("#sort-risk").ClickAsync();
        await page.Locator("#sort-risk").ClickAsync();
        await Expect(rows.First.Locator(".customer-id")).ToHaveTextAsync(N(byRisk.GetProperty("results")[0].GetProperty("id").GetInt32()));

        var href = await page.Locator("#customers-csv").GetAttributeAsync("href");
        Assert.Equal("/churn/api/customers/export.csv?search=%D0%AE%D1%81%D1%83%D0%BF%D0%BE%D0%B2&sort_by=risk_score&order=desc", href);
        var csv = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count + 1, lines.Length);
        Assert.StartsWith("id,name,email,phone,", lines[0]);
        Assert.StartsWith(N(byRisk.GetProperty("results")[0].GetProperty("id").GetInt32()) + ",", lines[1]);
        Assert.Contains("@bank.kz", lines[1]);
        Assert.DoesNotContain("***", lines[1]);
        Assert.Contains("/api/customers/export.csv", await server.Http.GetStringAsync("/openapi/churn.json"));

        await Input(page, "customer-search").FillAsync("nobody-like-this");
        await Expect(page.Locator("#no-customers")).ToBeVisibleAsync();
        await Input(page, "customer-search").FillAsync("");
        await Expect(page.Locator("#customers-total")).ToHaveTextAsync($"{ChurnBank.Customers} customers");
        await page.Locator("#customers-table .mud-table-pagination-actions button[aria-label='Next page']").ClickAsync();
        await Expect(rows).ToHaveCountAsync(25);
    }

    [Fact]
    public async Task A_customer_page_shows_the_fields_the_history_chart_and_the_latest_scores_factors()
    {
        var (context, page) = await OpenAsync(ChurnDashboardServer.AdminEmail, "/modules/churn/customers/1");
        await using var _ = context;
        var customer = await server.JsonAsync(server.BankKey, "/churn/api/customers/1/");
        var history = customer.GetProperty("risk_history");
        Assert.Equal(6, history.GetArrayLength());
        var factors = history[0].GetProperty("top_factors");
        Assert.True(factors.GetArrayLength() > 0, history[0].ToString());

        await Expect(page.Locator("#customer-title")).ToHaveTextAsync(customer.GetProperty("name").GetString()!);
        await Expect(page.Locator("#customer-fields .field-email")).ToHaveTextAsync(ChurnBank.Email(1));
        await Expect(page.Locator("#customer-fields .field-age")).ToHaveTextAsync(N(customer.GetProperty("age").GetInt32()));
        await Expect(page.Locator("#customer-fields .field-risk")).ToHaveTextAsync(customer.GetProperty("risk_score").GetDouble().ToString("0.000", CultureInfo.InvariantCulture));

        await Expect(page.Locator("#history-chart")).ToBeVisibleAsync();
        await Expect(page.Locator("#history-chart .chart-point")).ToHaveCountAsync(6);
        await Expect(page.Locator("#history-chart .chart-line")).ToHaveCountAsync(1);
        await Expect(page.Locator("#history-chart .chart-point").First).ToHaveAttributeAsync("data-y", "0.21");
        await Expect(page.Locator("#history-table tbody tr")).ToHaveCountAsync(6);
        await Expect(page.Locator("#history-table tbody tr").First.Locator(".history-score"))
            .ToHaveTextAsync(history[0].GetProperty("score").GetDouble().ToString("0.000", CultureInfo.InvariantCulture));

        await Expect(page.Locator("#top-factors .factor-row")).ToHaveCountAsync(factors.GetArrayLength());
        await Expect(page.Locator("#top-factors .factor-row").First).ToHaveAttributeAsync("data-feature", factors[0].GetProperty("feature").GetString()!);
        await Expect(page.Locator("#top-factors .factor-row").First.Locator(".factor-description")).ToHaveTextAsync(factors[0].GetProperty("description").GetString()!);
        await Expect(page.Locator("#no-factors")).ToHaveCountAsync(0);

        await DashboardPage.GoAsync(page, "/modules/churn/customers/999999");
        await Expect(page.Locator("#customer-missing")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_models_page_lists_v1_with_the_APIs_metrics_its_threshold_curve_and_importances()
    {
        var (context, page) = await OpenAsync(ChurnDashboardServer.AdminEmail, "/modules/churn/models");
        await using var _ = context;
        var info = await server.JsonAsync(server.BankKey, "/churn/api/model/info/");
        Assert.Equal("v1", info.GetProperty("model_version").GetString());

        var v1 = page.Locator("#versions-table tbody tr", new() { Has = page.Locator(".version-name", new() { HasTextString = "v1" }) });
        await Expect(page.Locator("#versions-table tbody tr")).ToHaveCountAsync(1);
        await Expect(v1.Locator(".version-auc")).ToHaveTextAsync(Metric(info.GetProperty("metrics").GetProperty("auc_roc")));
        await Expect(v1.Locator(".version-cv-auc")).ToContainTextAsync(Metric(info.GetProperty("cv_auc")));
        await Expect(v1.Locator(".version-active")).ToHaveTextAsync("active");
        await Expect(v1.Locator(".version-decision")).ToHaveTextAsync(info.GetProperty("decision").GetString()!);

        await Expect(page.Locator("#threshold-chart .chart-series")).ToHaveCountAsync(2);
        await Expect(page.Locator("#threshold-chart .chart-series[data-series='Recall'] .chart-point")).ToHaveCountAsync(info.GetProperty("threshold_curve").GetArrayLength());
        var importance = info.GetProperty("feature_importance").EnumerateObject().ToList();
        await Expect(page.Locator("#feature-importance .importance-row")).ToHaveCountAsync(importance.Count);
        var top = importance.MaxBy(p => p.Value.GetDouble());
        await Expect(page.Locator("#feature-importance .importance-row").First).ToHaveAttributeAsync("data-feature", top.Name);
        await Expect(page.Locator("#train-button")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_trains_v2_from_the_models_page_follows_it_and_rolls_back_to_v1()
    {
        var (context, page) = await OpenAsync(ChurnDashboardServer.LabAdminEmail, "/modules/churn/models");
        await using var _ = context;
        var versions = page.Locator("#versions-table tbody tr");
        await Expect(versions).ToHaveCountAsync(1);

        await page.Locator("#train-button").ClickAsync();
        await Expect(page.Locator("#train-status")).ToBeVisibleAsync();
        await Expect(page.Locator("#train-message")).ToContainTextAsync("succeeded · 100%");
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.First.Locator(".version-name")).ToHaveTextAsync("v2");
        var listed = await server.JsonAsync(server.LabKey, "/churn/api/model/versions/");
        Assert.Equal(["v2", "v1"], listed.EnumerateArray().Select(v => v.GetProperty("model_version").GetString()));
        var v2 = listed[0];
        await Expect(versions.First.Locator(".version-auc")).ToHaveTextAsync(Metric(v2.GetProperty("auc_roc")));
        await server.IdleAsync(server.LabKey);

        var inactive = v2.GetProperty("is_active").GetBoolean() ? "v1" : "v2";
        await page.Locator($"#activate-{inactive}").ClickAsync();
        var row = page.Locator("#versions-table tbody tr", new() { Has = page.Locator(".version-name", new() { HasTextString = inactive }) });
        await Expect(row.Locator(".version-active")).ToHaveTextAsync("active");
        await Expect(page.Locator(".activate-button")).ToHaveCountAsync(1);
        Assert.Equal(inactive, (await server.JsonAsync(server.LabKey, "/churn/api/model/info/")).GetProperty("model_version").GetString());
        await server.IdleAsync(server.LabKey);
    }

    [Fact]
    public async Task An_analyst_sees_masked_contacts_everywhere_and_cannot_train_or_activate()
    {
        var (context, page) = await OpenAsync(ChurnDashboardServer.AnalystEmail, "/modules/churn/customers");
        await using var _ = context;
        var rows = page.Locator("#customers-table tbody tr");

        await Expect(page.Locator("#pii-masked")).ToBeVisibleAsync();
        await Expect(rows.First.Locator(".customer-email")).ToHaveTextAsync("c***@bank.kz");
        await Expect(rows.First.Locator(".customer-phone")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+\* \*\*\* \*\*\* \*\*\d\d$"));
        var csv = await page.APIRequest.GetAsync((await page.Locator("#customers-csv").GetAttributeAsync("href"))!);
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.Contains("c***@bank.kz", text);
        Assert.DoesNotContain(ChurnBank.Email(1), text);

        await DashboardPage.GoAsync(page, "/modules/churn/customers/1");
        await Expect(page.Locator("#customer-fields .field-email")).ToHaveTextAsync("c***@bank.kz");

        await DashboardPage.GoAsync(page, "/modules/churn/models");
        await Expect(page.Locator("#versions-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#train-needs-role")).ToBeVisibleAsync();
        await Expect(page.Locator("#train-button")).ToHaveCountAsync(0);
        await Expect(page.Locator(".activate-button")).ToHaveCountAsync(0);
    }
}
