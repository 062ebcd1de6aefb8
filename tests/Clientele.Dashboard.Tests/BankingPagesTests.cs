using Clientele.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class BankingPagesTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private static ILocator Rows(IPage page) => page.Locator("#clients-table tbody tr");

    private static ILocator Search(IPage page) => page.Locator("input#client-search, #client-search input");

    [Fact]
    public async Task The_client_list_shows_clients_search_narrows_it_and_paging_works()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/banking/clients");

        await Expect(page.Locator("#clients-total")).ToHaveTextAsync("25 clients");
        await Expect(Rows(page)).ToHaveCountAsync(10);
        await Expect(Rows(page).First.Locator(".client-code")).ToHaveTextAsync("1");
        await Expect(Rows(page).First.Locator(".client-name")).ToHaveTextAsync("Айгерим");

        await page.Locator("button[aria-label='Next page']").ClickAsync();
        await Expect(Rows(page).First.Locator(".client-code")).ToHaveTextAsync("11");
        await Expect(Rows(page)).ToHaveCountAsync(10);

        await Search(page).FillAsync("Данияр");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).First.Locator(".client-name")).ToHaveTextAsync("Данияр");
        await Expect(page.Locator("#clients-total")).ToHaveTextAsync("1 clients");

        await Search(page).FillAsync("данияр");
        await Expect(Rows(page).First.Locator(".client-name")).ToHaveTextAsync("Данияр");

        await Search(page).FillAsync("17");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).First.Locator(".client-code")).ToHaveTextAsync("17");

        await Search(page).FillAsync("no such client");
        await Expect(page.Locator("#no-clients")).ToBeVisibleAsync();

        await Search(page).FillAsync("");
        await Expect(page.Locator("#clients-total")).ToHaveTextAsync("25 clients");
    }

    [Fact]
    public async Task The_client_profile_shows_the_figures_and_both_charts()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/banking/clients");

        await Rows(page).First.Locator(".client-name").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/modules/banking/clients/1");
        await Expect(page.Locator("#client-name")).ToContainTextAsync("Айгерим");
        await Expect(page.Locator("#figure-status .figure-value")).ToHaveTextAsync("Зарплатный клиент");
        await Expect(page.Locator("#figure-age .figure-value")).ToHaveTextAsync("25");
        await Expect(page.Locator("#figure-city .figure-value")).ToHaveTextAsync("Алматы");
        await Expect(page.Locator("#figure-balance .figure-value")).ToHaveTextAsync("143 945 ₸");
        await Expect(page.Locator("#figure-spending .figure-value")).ToHaveTextAsync("71 000 ₸");
        await Expect(page.Locator("#spending-by-category svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#spending-by-category")).ToContainTextAsync("Путешествия");
        await Expect(page.Locator("#spending-by-category")).ToContainTextAsync("30 000 ₸");
        await Expect(page.Locator("#monthly-trend svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#monthly-trend")).ToContainTextAsync("Jun 2025");
        await Expect(page.Locator("#monthly-trend")).ToContainTextAsync("Aug 2025");
    }

    [Fact]
    public async Task An_unknown_client_says_so()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/banking/clients/999");

        await Expect(page.Locator("#client-not-found")).ToBeVisibleAsync();
    }
}
