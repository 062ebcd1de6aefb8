using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Dashboard.Tests.Support;
using Clientele.Visitors.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

/// <summary>The visitors pages over the module's demo restaurant: overview with the period switch, live arrivals, persons, a person, merge and split.</summary>
public sealed class VisitorsPagesTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private static ILocator Input(IPage page, string id) => page.Locator($"input#{id}, #{id} input");

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string email, string password, string path)
    {
        await VisitorsData.EnsureAsync(server);
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await DashboardPage.SignInAsync(page, email, password, path);
        return (context, page);
    }

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var response = await server.GetWithKeyAsync(path, await server.CreateApiKeyAsync(server.MainOrganizationId, "visitors:read"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_overview_shows_todays_figures_and_the_period_switch_changes_the_visit_chart()
    {
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/visitors");
        await using var _ = context;

        await Expect(page.Locator("#figure-visits .figure-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Expect(page.Locator("#figure-stay .figure-value")).ToBeVisibleAsync();
        await Expect(page.Locator("#visit-chart .chart-bar")).ToHaveCountAsync(24);
        await Expect(page.Locator("#gender-chart .chart-bar")).ToHaveCountAsync(2);

        await page.Locator("#period-week").ClickAsync();
        await Expect(page.Locator("#visit-chart .chart-bar")).ToHaveCountAsync(7);

        var month = await ApiAsync("/visitors/api/client/statistics/visit-count/?type=month");
        var visits = month.EnumerateArray().Sum(point => point.GetProperty("value").GetInt32());
        Assert.True(visits > 40, month.ToString());
        await page.Locator("#period-month").ClickAsync();
        await Expect(page.Locator("#visit-chart .chart-bar")).ToHaveCountAsync(30);
        await Expect(page.Locator("#visit-total")).ToContainTextAsync($"{visits} visits");
        var lastDay = month[29];
        await Expect(page.Locator($"#visit-chart .chart-bar[data-key='{lastDay.GetProperty("date").GetString()}']"))
            .ToHaveAttributeAsync("data-value", N(lastDay.GetProperty("value").GetInt32()));
        var ages = await ApiAsync("/visitors/api/client/statistics/age/?type=month");
        await Expect(page.Locator("#age-chart .chart-bar")).ToHaveCountAsync(ages.GetArrayLength());
    }

    [Fact]
    public async Task A_new_camera_upload_appears_in_the_arrivals_and_todays_figures_without_a_reload()
    {
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/visitors");
        await using var _ = context;
        await Expect(page.Locator("#feed-state")).ToHaveTextAsync("live");
        await Expect(page.Locator("#arrival-feed .arrival")).Not.ToHaveCountAsync(0);
        var visitsToday = int.Parse(await page.Locator("#figure-visits .figure-value").InnerTextAsync(), CultureInfo.InvariantCulture);

        var vector = Enumerable.Range(0, 128).Select(i => i % 2 == 0 ? 0.115f : -0.115f).ToArray();
        using var response = await server.Http.PostAsync("/visitors/api/client/person/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organization_key"] = VisitorsDemoData.CameraKey,
            ["vector"] = JsonSerializer.Serialize(vector),
            ["age"] = "33",
            ["gender"] = "Female",
            ["entry_time"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("created", body.GetProperty("decision").GetString());
        var visitId = body.GetProperty("visit_id").GetString();

        var arrival = page.Locator($"#arrival-feed .arrival[data-visit='{visitId}']");
        await Expect(arrival).ToContainTextAsync("Visitor " + body.GetProperty("id").GetString()![..8]);
        await Expect(arrival.Locator(".arrival-kind")).ToHaveTextAsync("new");
        await Expect(page.Locator("#arrival-feed .arrival").First).ToHaveAttributeAsync("data-visit", visitId!);
        await Expect(page.Locator("#figure-visits .figure-value")).ToHaveTextAsync(N(visitsToday + 1));
    }

    [Fact]
    public async Task The_persons_list_searches_sorts_pages_and_exports_csv()
    {
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/visitors/persons");
        await using var _ = context;
        var total = await VisitorsData.QueryAsync(server, db => db.Persons.CountAsync());
        var rows = page.Locator("#persons-table tbody tr:has(.person-name)");

        await Expect(page.Locator("#persons-total")).ToHaveTextAsync($"{total} persons");
        await Expect(rows).ToHaveCountAsync(25);
        var mostVisits = await VisitorsData.QueryAsync(server, db => db.Visits.Where(v => v.PersonId != null).GroupBy(v => v.PersonId).Select(g => g.Count()).MaxAsync());
        await page.Locator("#sort-visits").ClickAsync();
        await page.Locator("#sort-visits").ClickAsync();
        await Expect(rows.First.Locator(".person-visits")).ToHaveTextAsync(N(mostVisits));
        await page.Locator("#persons-table .mud-table-pagination-actions button[aria-label='Next page']").ClickAsync();
        await Expect(rows).ToHaveCountAsync(total - 25);
        await Expect(rows.Last.Locator(".person-visits")).ToHaveTextAsync("1");

        await Input(page, "person-search").FillAsync("айгерим");
        await Expect(page.Locator("#persons-total")).ToHaveTextAsync("1 persons");
        await Expect(rows.First.Locator(".person-name")).ToHaveTextAsync("Айгерим Нурланова");
        await Input(page, "person-search").FillAsync(VisitorsData.OtherPersonName);
        await Expect(page.Locator("#no-persons")).ToBeVisibleAsync();

        await Input(page, "person-search").FillAsync("+7701");
        var phones = await VisitorsData.QueryAsync(server, db => db.Persons.CountAsync(p => p.PhoneNumber != null && p.PhoneNumber.Contains("+7701")));
        await Expect(page.Locator("#persons-total")).ToHaveTextAsync($"{phones} persons");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#persons-csv").ClickAsync());
        Assert.Equal("visitors-persons.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,full_name,phone_number,age,gender,status,visits,first_seen,last_seen,consent", lines[0]);
        Assert.Equal(phones + 1, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(",+7701", line));
    }

    [Fact]
    public async Task A_person_page_shows_visits_orders_consent_and_biometrics_as_counts()
    {
        await VisitorsData.EnsureAsync(server);
        var person = await VisitorsData.QueryAsync(server, db => db.Persons.SingleAsync(p => p.FullName == "Данияр Сериков"));
        var visits = await VisitorsData.QueryAsync(server, db => db.Visits.CountAsync(v => v.PersonId == person.Id));
        var carts = await VisitorsData.QueryAsync(server, db => db.Carts.CountAsync(c => c.PersonId == person.Id));
        var exemplars = await VisitorsData.QueryAsync(server, db => db.Exemplars.CountAsync(x => x.PersonId == person.Id));
        var (context, page) = await OpenAsync(DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, $"/modules/visitors/persons/{person.Id}");
        await using var _ = context;

        await Expect(page.Locator("#person-title")).ToHaveTextAsync("Данияр Сериков");
        await Expect(page.Locator("#person-fields .field-consent")).ToContainTextAsync("yes");
        await Expect(page.Locator("#person-fields .field-phone")).ToHaveTextAsync(person.PhoneNumber!);
        await Expect(page.Locator("#visits-table .visit-entry")).ToHaveCountAsync(Math.Min(visits, 10));
        await Expect(page.Locator("#person-orders .order")).ToHaveCountAsync(carts);
        await Expect(page.Locator("#person-biometrics .field-exemplars")).ToHaveTextAsync(N(exemplars));
        Assert.DoesNotContain("vector", (await page.Locator("#person-biometrics").InnerTextAsync()).Replace("Vectors are never shown", "", StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase);

        await Expect(page.Locator("#person-merge")).ToHaveCountAsync(0);
        await Expect(page.Locator(".split-visit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_merges_a_duplicate_into_a_person_after_confirming()
    {
        await VisitorsData.EnsureAsync(server);
        var (kept, absorbed) = await VisitorsData.QueryAsync(server, async db =>
        {
            var unnamed = await db.Persons.Where(p => p.FullName == null).OrderBy(p => p.Id).Take(2).ToListAsync();
            return (unnamed[0], unnamed[1]);
        });
        var keptVisits = await VisitorsData.QueryAsync(server, db => db.Visits.CountAsync(v => v.PersonId == kept.Id));
        var absorbedVisits = await VisitorsData.QueryAsync(server, db => db.Visits.CountAsync(v => v.PersonId == absorbed.Id));
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, $"/modules/visitors/persons/{kept.Id}");
        await using var _ = context;
        await Expect(page.Locator("#person-fields .field-visits")).ToHaveTextAsync(N(keptVisits));

        await Input(page, "merge-search").FillAsync(absorbed.Id.ToString());
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = absorbed.Id.ToString()[..8] }).ClickAsync();
        await page.Locator("#merge-button").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Merge" }).ClickAsync();

        await Expect(page.Locator("#person-fields .field-visits")).ToHaveTextAsync(N(keptVisits + absorbedVisits));
        Assert.False(await VisitorsData.QueryAsync(server, db => db.Persons.AnyAsync(p => p.Id == absorbed.Id)));
        Assert.Equal(keptVisits + absorbedVisits, await VisitorsData.QueryAsync(server, db => db.Visits.CountAsync(v => v.PersonId == kept.Id)));

        await page.GotoAsync($"/modules/visitors/persons/{absorbed.Id}");
        await Expect(page.Locator("#person-missing")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_splits_a_visit_off_into_a_new_person()
    {
        await VisitorsData.EnsureAsync(server);
        var person = await VisitorsData.QueryAsync(server, db => db.Persons.SingleAsync(p => p.FullName == "Жанар Касымова"));
        var visits = await VisitorsData.QueryAsync(server, db => db.Visits.CountAsync(v => v.PersonId == person.Id));
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, $"/modules/visitors/persons/{person.Id}");
        await using var _ = context;

        await page.Locator(".split-visit").First.ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Split" }).ClickAsync();

        await Expect(page.Locator("#split-result")).ToBeVisibleAsync();
        await Expect(page.Locator("#person-fields .field-visits")).ToHaveTextAsync(N(visits - 1));
        await page.Locator("#split-result a").ClickAsync();
        await Expect(page.Locator("#person-fields .field-visits")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task An_organization_never_sees_another_organizations_persons()
    {
        await VisitorsData.EnsureAsync(server);
        var mainPerson = await VisitorsData.QueryAsync(server, db => db.Persons.FirstAsync(p => p.FullName == "Айгерим Нурланова"));
        var (context, page) = await OpenAsync(DashboardServer.OtherAdminEmail, DashboardServer.OtherAdminPassword, "/modules/visitors/persons");
        await using var _ = context;

        await Expect(page.Locator("#persons-total")).ToHaveTextAsync("1 persons");
        await Expect(page.Locator("#persons-table .person-name")).ToHaveTextAsync(VisitorsData.OtherPersonName);

        await DashboardPage.GoAsync(page, $"/modules/visitors/persons/{mainPerson.Id}");
        await Expect(page.Locator("#person-missing")).ToBeVisibleAsync();
        await DashboardPage.GoAsync(page, "/modules/visitors");
        await Expect(page.Locator("#arrival-feed .arrival")).ToHaveCountAsync(1);
        await Expect(page.Locator("#arrival-feed")).Not.ToContainTextAsync("Айгерим");
    }
}
