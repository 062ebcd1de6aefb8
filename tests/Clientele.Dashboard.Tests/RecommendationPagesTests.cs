using Clientele.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class RecommendationPagesTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private static readonly string[] Products =
    [
        "Карта для путешествий", "Премиальная карта", "Кредитная карта", "Обмен валют", "Кредит наличными",
        "Депозит Мультивалютный", "Депозит Сберегательный", "Депозит Накопительный", "Инвестиции", "Золотые слитки",
    ];

    [Fact]
    public async Task The_client_profile_shows_ranked_offers_with_evidence_and_the_push_as_a_phone_notification()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/banking/clients/1");

        var rows = page.Locator("#offers-table tbody tr");
        await Expect(rows).ToHaveCountAsync(10);
        await Expect(page.Locator("#offers-loading")).ToHaveCountAsync(0);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await page.Locator("#offers-table .offer-rank").AllInnerTextsAsync());
        var products = await page.Locator("#offers-table .offer-product").AllInnerTextsAsync();
        Assert.Equal(Products.Order(), products.Order());
        Assert.All(await page.Locator("#offers-table .offer-benefit").AllInnerTextsAsync(),
            b => Assert.Matches(@"^(—|\d{1,3}( \d{3})* ₸)$", b.Trim()));
        Assert.True(await page.Locator("#offers-table .evidence-line").CountAsync() > 0);

        await Expect(page.Locator("#push-phone")).ToBeVisibleAsync();
        await Expect(page.Locator("#push-app")).ToBeVisibleAsync();
        await Expect(page.Locator("#push-text")).ToContainTextAsync("Айгерим");
        await Expect(page.Locator("#client-offers")).ToContainTextAsync(products[0]);
    }

    [Fact]
    public async Task The_recommendations_page_shows_the_product_mix_and_the_export_gives_a_download_link()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/banking/clients");

        await page.Locator("#tab-recommendations").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/modules/banking/recommendations");
        await DashboardPage.WaitForCircuitAsync(page);

        await Expect(page.Locator("#mix-total")).ToHaveTextAsync("25 clients");
        await Expect(page.Locator("#product-mix svg").First).ToBeVisibleAsync();
        var counts = await page.Locator("#mix-table .mix-clients").AllInnerTextsAsync();
        Assert.Equal(25, counts.Sum(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(await page.Locator("#mix-table .mix-product").AllInnerTextsAsync(), p => Assert.Contains(p, Products));

        await page.Locator("#export-button").ClickAsync();
        var link = page.Locator("a#export-download");
        await Expect(link).ToBeVisibleAsync();
        await Expect(page.Locator("#export-message")).ToContainTextAsync("succeeded");
        var href = await link.GetAttributeAsync("href");
        Assert.Matches("^/banking/api/recommendations/exports/[0-9a-f-]{36}\\.csv$", href);

        var response = await context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        var csv = await response.TextAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("client_code,product,push_notification", lines[0]);
        Assert.Equal(26, lines.Length);
    }

    [Fact]
    public async Task A_viewer_sees_the_mix_but_cannot_start_an_export()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/banking/recommendations");

        await Expect(page.Locator("#mix-total")).ToHaveTextAsync("25 clients");
        await Expect(page.Locator("#export-button")).ToBeDisabledAsync();
    }
}
