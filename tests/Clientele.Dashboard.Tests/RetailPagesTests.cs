using System.Globalization;
using Clientele.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

/// <summary>The retail pages over a hand-counted shop (<see cref="RetailData"/>), mined and segmented through the API.</summary>
public sealed class RetailPagesTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private static ILocator Input(IPage page, string id) => page.Locator($"input#{id}, #{id} input");

    private static ILocator Recommended(IPage page, string product) =>
        page.Locator("#recommendations-table tbody tr", new() { Has = page.Locator(".recommendation-product", new() { HasText = product }) });

    private async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string email, string password, string path)
    {
        await RetailData.EnsureAsync(server, analysed: true);
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await DashboardPage.SignInAsync(page, email, password, path);
        return (context, page);
    }

    [Fact]
    public async Task The_retail_nav_link_opens_the_sales_page_with_figures_trend_top_products_and_the_split()
    {
        var (context, page) = await OpenAsync(DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/");
        await using var _ = context;

        await page.Locator("#nav-retail").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/modules/retail");
        await Expect(page.Locator("#module-placeholder")).ToHaveCountAsync(0);
        await Expect(page.Locator("#retail-tabs")).ToBeVisibleAsync();

        await Expect(page.Locator("#figure-revenue .figure-value")).ToHaveTextAsync("40 260 ₸");
        await Expect(page.Locator("#figure-transactions .figure-value")).ToHaveTextAsync("25");
        await Expect(page.Locator("#figure-basket .figure-value")).ToHaveTextAsync("1 610 ₸");
        await Expect(page.Locator("#figure-customers .figure-value")).ToHaveTextAsync("10");
        await Expect(page.Locator("#revenue-trend svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#trend-points")).ToHaveTextAsync("25 days, from 1 Jun to 30 Jun");

        var products = page.Locator("#products-table tbody tr");
        await Expect(products).ToHaveCountAsync(8);
        await Expect(products.First.Locator(".product-name")).ToHaveTextAsync(RetailData.Rice);
        await Expect(products.First.Locator(".product-revenue")).ToHaveTextAsync("13 050 ₸");
        await Expect(products.First.Locator(".product-quantity")).ToHaveTextAsync("9");
        await Expect(page.Locator("#products-table")).Not.ToContainTextAsync(RetailData.Kumys);

        await Expect(page.Locator("#split-table .split-row").First).ToContainTextAsync("Store");
        await Expect(page.Locator("#split-table .split-row").First.Locator(".split-amount")).ToHaveTextAsync("25 630 ₸");
        await Expect(page.Locator("#revenue-split svg").First).ToBeVisibleAsync();

        await page.Locator("#split-category").ClickAsync();
        await Expect(page.Locator("#split-table .split-row").First.Locator(".split-label")).ToHaveTextAsync("Бакалея");
        await Expect(page.Locator("#split-table .split-row").First.Locator(".split-amount")).ToHaveTextAsync("16 690 ₸");

        await page.Locator("#grain-week").ClickAsync();
        await Expect(page.Locator("#trend-points")).ToHaveTextAsync("6 weeks, from 26 May to 30 Jun");

        await Input(page, "product-search").FillAsync("лук");
        await Expect(products).ToHaveCountAsync(1);
        await Expect(products.First.Locator(".product-name")).ToHaveTextAsync(RetailData.Onions);
        await Input(page, "product-search").FillAsync("no such product");
        await Expect(page.Locator("#no-products")).ToBeVisibleAsync();
        await Input(page, "product-search").FillAsync("");
        await Expect(products).ToHaveCountAsync(8);

        await page.Locator("#sort-quantity").ClickAsync();
        await Expect(products.First.Locator(".product-name")).ToHaveTextAsync(RetailData.Shampoo);
        await Expect(products.First.Locator(".product-quantity")).ToHaveTextAsync("3");

        await page.Locator("#period-7").ClickAsync();
        await Expect(page.Locator("#period-dates")).ToHaveTextAsync("2025-06-24 – 2025-06-30");
        await Expect(page.Locator("#figure-revenue .figure-value")).ToHaveTextAsync("11 770 ₸");
        await Expect(page.Locator("#figure-transactions .figure-value")).ToHaveTextAsync("7");
        await Expect(page.Locator("#figure-basket .figure-value")).ToHaveTextAsync("1 681 ₸");
        await Expect(page.Locator("#figure-customers .figure-value")).ToHaveTextAsync("7");
        await Expect(page.Locator("#products-table")).Not.ToContainTextAsync(RetailData.Rice);
    }

    [Fact]
    public async Task The_rules_explorer_shows_the_latest_run_and_its_filters_sorting_graph_and_csv_follow_each_other()
    {
        var (context, page) = await OpenAsync(DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/retail/rules");
        await using var _ = context;

        var rows = page.Locator("#rules-table tbody tr");
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("26 rules");
        await Expect(page.Locator("#run-summary")).ToContainTextAsync("25 baskets");
        await Expect(rows).ToHaveCountAsync(10);
        await Expect(rows.First.Locator(".rule-lift")).ToHaveTextAsync("3.571");
        await Expect(page.Locator("#rule-network .rule-node")).ToHaveCountAsync(7);
        await Expect(page.Locator("#rule-network")).ToContainTextAsync(RetailData.Rice);
        Assert.True(await page.Locator("#rule-network .rule-edge").CountAsync() >= 7);

        await page.Locator("button[aria-label='Next page']").ClickAsync();
        await page.Locator("button[aria-label='Next page']").ClickAsync();
        await Expect(rows).ToHaveCountAsync(6);
        await page.Locator("button[aria-label='First page']").ClickAsync();
        await Expect(rows).ToHaveCountAsync(10);

        await page.Locator("#sort-support").ClickAsync();
        await Expect(rows.First.Locator(".rule-support")).ToHaveTextAsync("0.08");
        await page.Locator("#sort-support").ClickAsync();
        await Expect(rows.First.Locator(".rule-support")).ToHaveTextAsync("0.32");
        await Expect(rows.First.Locator(".rule-confidence")).ToHaveTextAsync("1");

        await Input(page, "filter-lift").FillAsync("3");
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("14 rules");
        await Input(page, "filter-lift").FillAsync("3.5");
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("8 rules");
        await Expect(page.Locator("#rule-network .rule-node")).ToHaveCountAsync(4);
        await Expect(page.Locator("#rule-network")).Not.ToContainTextAsync(RetailData.Rice);
        await Input(page, "filter-confidence").FillAsync("0.9");
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("5 rules");
        await Input(page, "filter-lift").FillAsync("");
        await Input(page, "filter-confidence").FillAsync("");
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("26 rules");
        await Input(page, "filter-support").FillAsync("0.3");
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("2 rules");
        await Input(page, "filter-support").FillAsync("");

        await Input(page, "filter-product").FillAsync("чай");
        await page.Locator(".product-option", new() { HasText = RetailData.Tea }).ClickAsync();
        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("2 rules");
        foreach (var row in await rows.AllAsync())
        {
            Assert.Contains(RetailData.Tea, await row.InnerTextAsync());
        }
        await Expect(page.Locator("#rule-network .rule-node")).ToHaveCountAsync(2);

        var href = await page.Locator("a#rules-csv").GetAttributeAsync("href");
        Assert.StartsWith("/retail/api/rules/runs/1/rules.csv?", href);
        Assert.Contains("product_sku=1004", href);
        var response = await context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        var lines = (await response.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("antecedents,consequents,support,confidence,lift,leverage,conviction", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(RetailData.Tea, line));
    }

    [Fact]
    public async Task The_bundle_builder_recommends_for_a_basket_with_evidence_and_a_price_that_follows_the_discount()
    {
        var (context, page) = await OpenAsync(DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/retail/bundles");
        await using var _ = context;

        await Expect(page.Locator("#basket-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#recommendations-empty")).ToBeVisibleAsync();

        await Input(page, "basket-search").FillAsync("рис");
        await page.Locator(".product-option", new() { HasText = RetailData.Rice }).ClickAsync();
        await Expect(page.Locator("#basket-items .basket-item")).ToHaveCountAsync(1);
        await Expect(page.Locator("#basket-total")).ToContainTextAsync("1 450 ₸");

        var carrots = Recommended(page, RetailData.Carrots);
        await Expect(carrots).ToHaveCountAsync(1);
        await Expect(Recommended(page, RetailData.Onions)).ToHaveCountAsync(1);
        await Expect(page.Locator("#recommendations-table .recommendation-rank").First).ToHaveTextAsync("1");
        await Expect(carrots.Locator(".evidence-rule", new() { HasText = $"{RetailData.Rice} ⇒ {RetailData.Carrots}: confidence 1, lift 3.1" })).ToHaveCountAsync(1);
        await Expect(carrots.Locator(".evidence-pair").First).ToContainTextAsync($"with {RetailData.Rice}: together in 8 baskets");
        await Expect(carrots.Locator(".bundle-price")).ToHaveTextAsync("1 593 ₸");

        await Input(page, "discount-slider").FillAsync("20");
        await Expect(page.Locator("#discount-value")).ToHaveTextAsync("20 %");
        await Expect(carrots.Locator(".bundle-price")).ToHaveTextAsync("1 416 ₸");

        await Input(page, "basket-search").FillAsync("1003");
        await page.Locator(".product-option", new() { HasText = RetailData.Onions }).ClickAsync();
        await Expect(page.Locator("#basket-items .basket-item")).ToHaveCountAsync(2);
        await Expect(Recommended(page, RetailData.Onions)).ToHaveCountAsync(0);
        await Expect(carrots.Locator(".evidence-rule", new() { HasText = $"{RetailData.Rice} + {RetailData.Onions} ⇒ {RetailData.Carrots}:" })).ToHaveCountAsync(1);
        await Expect(carrots.Locator(".bundle-price")).ToHaveTextAsync("1 560 ₸");

        await page.Locator("#basket-clear").ClickAsync();
        await Expect(page.Locator("#recommendations-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_segments_page_shows_profiles_and_charts_and_links_to_the_customers_of_a_segment()
    {
        var (context, page) = await OpenAsync(DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/retail/segments");
        await using var _ = context;

        var rows = page.Locator("#segments-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("#segments-meta")).ToContainTextAsync("k = 2");
        await Expect(page.Locator("#segment-customers-chart svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#segment-share-chart svg").First).ToBeVisibleAsync();
        var counts = await page.Locator("#segments-table .segment-customers").AllInnerTextsAsync();
        Assert.Equal(10, counts.Sum(c => int.Parse(c, CultureInfo.InvariantCulture)));
        var shares = await page.Locator("#segments-table .segment-share").AllInnerTextsAsync();
        Assert.Equal(100, shares.Sum(s => double.Parse(s.Replace(" %", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)), 0.2);

        var label = await rows.First.Locator(".segment-label").InnerTextAsync();
        var members = counts[0];
        await rows.First.Locator(".segment-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/modules/retail/customers");
        await Expect(page.Locator("#customers-total")).ToHaveTextAsync($"{members} customers");
        Assert.All(await page.Locator("#customers-table .customer-segment").AllInnerTextsAsync(), segment => Assert.Equal(label, segment));

        await DashboardPage.GoAsync(page, "/modules/retail/customers");
        await Expect(page.Locator("#customers-total")).ToHaveTextAsync("10 customers");
        await Input(page, "customer-search").FillAsync("айгерим");
        await Expect(page.Locator("#customers-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#customers-table .customer-name")).ToHaveTextAsync("Айгерим Ахметова");
    }

    [Fact]
    public async Task An_organization_sees_only_its_own_retail_data()
    {
        var (context, page) = await OpenAsync(DashboardServer.OtherAdminEmail, DashboardServer.OtherAdminPassword, "/modules/retail/sales");
        await using var _ = context;

        await Expect(page.Locator("#figure-transactions .figure-value")).ToHaveTextAsync("3");
        await Expect(page.Locator("#figure-revenue .figure-value")).ToHaveTextAsync("6 580 ₸");
        await Expect(page.Locator("#products-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#products-table")).ToContainTextAsync(RetailData.Kumys);
        await Expect(page.Locator("#products-table")).Not.ToContainTextAsync(RetailData.Rice);

        await DashboardPage.GoAsync(page, "/modules/retail/rules");
        await Expect(page.Locator("#no-runs")).ToBeVisibleAsync();
        await Expect(page.Locator("#rules-table")).ToHaveCountAsync(0);

        await DashboardPage.GoAsync(page, "/modules/retail/bundles");
        await Input(page, "basket-search").FillAsync("рис");
        await Expect(page.Locator(".product-option")).ToHaveCountAsync(0);
        await Input(page, "basket-search").FillAsync("1001");
        await page.Locator(".product-option", new() { HasText = RetailData.Kumys }).ClickAsync();
        await Expect(page.Locator("#bundles-refused")).ToContainTextAsync("No bundle model yet");

        await DashboardPage.GoAsync(page, "/modules/retail/segments");
        await Expect(page.Locator("#no-segments")).ToBeVisibleAsync();

        await DashboardPage.GoAsync(page, "/modules/retail/customers");
        await Expect(page.Locator("#customers-total")).ToHaveTextAsync("2 customers");
    }

    [Fact]
    public async Task A_viewer_reads_the_retail_pages_but_cannot_start_a_mining_run_or_a_segmentation()
    {
        var (context, page) = await OpenAsync(DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/retail/rules");
        await using var _ = context;

        await Expect(page.Locator("#rules-total")).ToHaveTextAsync("26 rules");
        await Expect(page.Locator("#mine-button")).ToBeDisabledAsync();
        await Expect(page.Locator("#mine-needs-role")).ToBeVisibleAsync();

        await DashboardPage.GoAsync(page, "/modules/retail/segments");
        await Expect(page.Locator("#segments-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#segment-button")).ToBeDisabledAsync();
        await Expect(page.Locator("#segment-needs-role")).ToBeVisibleAsync();
    }
}
