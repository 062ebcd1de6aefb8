using Clientele.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

/// <summary>Starting work from the retail pages, over a shop nothing has been mined or segmented in yet; and an organization with no shop at all.</summary>
public sealed class RetailWorkPagesTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private static ILocator Input(IPage page, string id) => page.Locator($"input#{id}, #{id} input");

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string email, string password, string path)
    {
        await RetailData.EnsureAsync(server, analysed: false);
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await DashboardPage.SignInAsync(page, email, password, path);
        return (context, page);
    }

    [Fact]
    public async Task An_admin_mines_from_the_rules_page_sees_the_progress_and_then_the_new_runs_rules()
    {
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/retail/rules");
        await using var _ = context;

        await Expect(page.Locator("#no-runs")).ToBeVisibleAsync();
        await Expect(page.Locator("#no-runs")).ToContainTextAsync("Mine now");

        await Input(page, "mine-support").FillAsync("1.5");
        await Input(page, "mine-support").PressAsync("Tab");
        await page.Locator("#mine-button").ClickAsync();
        await Expect(page.Locator("#mine-refused")).ToContainTextAsync("min_support");
        await Expect(page.Locator("#no-runs")).ToBeVisibleAsync();

        await Input(page, "mine-support").FillAsync("2");
        await Input(page, "mine-length").FillAsync("3");
        await Input(page, "mine-length").PressAsync("Tab");
        await page.Locator("#mine-button").ClickAsync();
        await Expect(page.Locator("#mine-progress")).ToBeVisibleAsync();
        await Expect(page.Locator("#mine-message")).ToContainTextAsync("Run 1 · succeeded · 100%");
        await Expect(page.Locator("#mine-refused")).ToHaveCountAsync(0);
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("26 rules");
        await Expect(page.Locator("#run-summary")).ToContainTextAsync("25 baskets");

        await Input(page, "mine-lift").FillAsync("3");
        await Input(page, "mine-from").FillAsync("2025-06-01");
        await Input(page, "mine-to").FillAsync("2025-06-15");
        await Input(page, "mine-to").PressAsync("Tab");
        await page.Locator("#mine-button").ClickAsync();
        await Expect(page.Locator("#mine-message")).ToContainTextAsync("Run 2 · succeeded · 100%");
        await Expect(page.Locator("#run-summary")).ToContainTextAsync("15 baskets");
        await Expect(page.Locator("#run-summary")).ToContainTextAsync("2025-06-01 – 2025-06-15");
        await Expect(page.Locator("input#run-select")).ToHaveValueAsync("2");
        Assert.StartsWith("/retail/api/rules/runs/2/rules.csv", await page.Locator("a#rules-csv").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task An_admin_segments_from_the_segments_page_with_a_chosen_k()
    {
        var (context, page) = await OpenAsync(DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/retail/segments");
        await using var _ = context;

        await Expect(page.Locator("#no-segments")).ToBeVisibleAsync();
        await Input(page, "segment-k").FillAsync("3");
        await Input(page, "segment-k").PressAsync("Tab");
        await page.Locator("#segment-button").ClickAsync();
        await Expect(page.Locator("#segment-message")).ToContainTextAsync("succeeded");
        await Expect(page.Locator("#segments-table tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#segments-meta")).ToContainTextAsync("k = 3");
        await Expect(page.Locator("#no-segments")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_organization_without_sales_is_told_to_import_or_use_the_demo_on_every_retail_page()
    {
        var (context, page) = await OpenAsync(DashboardServer.OtherAdminEmail, DashboardServer.OtherAdminPassword, "/modules/retail/sales");
        await using var _ = context;

        await Expect(page.Locator("#no-sales")).ToContainTextAsync("/retail/api/import/");
        await Expect(page.Locator("#no-sales")).ToContainTextAsync("demo data");
        foreach (var path in new[] { "/modules/retail/rules", "/modules/retail/segments", "/modules/retail/customers" })
        {
            await DashboardPage.GoAsync(page, path);
            await Expect(page.Locator("#no-sales")).ToBeVisibleAsync();
        }
        await Expect(page.Locator("#mine-button")).ToHaveCountAsync(0);
    }
}
