using System.Net;
using Clientele.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class OrganizationSwitchTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private static ILocator FirstClientName(IPage page) => page.Locator("#clients-table tbody tr .client-name").First;

    [Fact]
    public async Task The_operator_switches_organization_and_the_client_list_follows()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/banking/clients");
        await Expect(FirstClientName(page)).ToHaveTextAsync("Айгерим");
        await Expect(page.Locator("#clients-total")).ToHaveTextAsync("25 clients");

        await page.Locator("#organization-select").SelectOptionAsync(server.OtherOrganizationId.ToString());
        await page.Locator("#organization-switch").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await DashboardPage.GoAsync(page, "/modules/banking/clients");

        await Expect(FirstClientName(page)).ToHaveTextAsync("Бауыржан");
        await Expect(page.Locator("#clients-total")).ToHaveTextAsync("3 clients");
        await Expect(page.Locator("#organization-select")).ToHaveValueAsync(server.OtherOrganizationId.ToString());
        // The acting organization is the session's, so the API called from this browser follows it too.
        var me = await page.APIRequest.GetAsync("/platform/api/me");
        Assert.Contains(server.OtherOrganizationId.ToString(), await me.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_users_see_their_organization_and_cannot_switch()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OtherAdminEmail, DashboardServer.OtherAdminPassword, "/modules/banking/clients");

        await Expect(page.Locator("#organization-name")).ToHaveTextAsync(server.OtherOrganizationName);
        await Expect(page.Locator("#organization-select")).ToHaveCountAsync(0);
        await Expect(FirstClientName(page)).ToHaveTextAsync("Бауыржан");

        // Posting the switch form by hand, with a valid antiforgery token, is refused too.
        var token = await page.Locator("#logout-form input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync("/account/organization", new()
        {
            Form = context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("organization", server.MainOrganizationId.ToString()),
            MaxRedirects = 0,
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, forged.Status);
        await DashboardPage.GoAsync(page, "/modules/banking/clients");
        await Expect(FirstClientName(page)).ToHaveTextAsync("Бауыржан");
    }

    [Fact]
    public async Task A_switch_without_the_antiforgery_token_is_refused()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword);

        var forged = await page.APIRequest.PostAsync("/account/organization", new()
        {
            Form = context.APIRequest.CreateFormData().Set("organization", server.OtherOrganizationId.ToString()),
            MaxRedirects = 0,
        });

        Assert.Equal((int)HttpStatusCode.BadRequest, forged.Status);
        var me = await page.APIRequest.GetAsync("/platform/api/me");
        Assert.Contains(server.MainOrganizationId.ToString(), await me.TextAsync(), StringComparison.Ordinal);
    }
}
