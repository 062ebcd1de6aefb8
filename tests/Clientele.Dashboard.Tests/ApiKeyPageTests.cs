using System.Net;
using Clientele.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class ApiKeyPageTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_creates_a_key_that_is_shown_once_and_revoking_it_locks_the_key_out()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/api-keys");

        await page.Locator("input#key-name, #key-name input").FillAsync("nightly export");
        await page.Locator("#scope-banking-read").ClickAsync();
        await page.Locator("#create-key-button").ClickAsync();

        var shown = page.Locator("#created-key");
        await Expect(shown).ToContainTextAsync("ck_");
        var key = (await shown.InnerTextAsync()).Trim();
        using (var allowed = await server.GetWithKeyAsync("/banking/api/clients", key))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        await page.Locator("#key-created-close").ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);

        var row = page.Locator("#api-keys-table tbody tr", new() { HasText = "nightly export" });
        await Expect(row).ToContainTextAsync("banking:read");
        await Expect(row.Locator(".key-revoked")).ToHaveTextAsync("active");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);

        await row.Locator(".revoke-key").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Revoke" }).ClickAsync();

        await Expect(row.Locator(".key-revoked")).Not.ToHaveTextAsync("active");
        await Expect(row.Locator(".revoke-key")).ToHaveCountAsync(0);
        using var refused = await server.GetWithKeyAsync("/banking/api/clients", key);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_confirmation_keeps_the_key()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/api-keys");
        await page.Locator("input#key-name, #key-name input").FillAsync("kept key");
        await page.Locator("#scope-all-write").ClickAsync();
        await page.Locator("#create-key-button").ClickAsync();
        var key = (await page.Locator("#created-key").InnerTextAsync()).Trim();
        await page.Locator("#key-created-close").ClickAsync();

        var row = page.Locator("#api-keys-table tbody tr", new() { HasText = "kept key" });
        await row.Locator(".revoke-key").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Cancel" }).ClickAsync();

        await Expect(row.Locator(".key-revoked")).ToHaveTextAsync("active");
        using var allowed = await server.GetWithKeyAsync("/banking/api/clients", key);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_key_without_a_name_or_scopes_is_refused_with_a_message()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/api-keys");

        await page.Locator("#create-key-button").ClickAsync();
        await Expect(page.Locator("#create-key-problem")).ToHaveTextAsync("Give the key a name.");

        await page.Locator("input#key-name, #key-name input").FillAsync("no scopes");
        await page.Locator("#create-key-button").ClickAsync();
        await Expect(page.Locator("#create-key-problem")).ToHaveTextAsync("Pick at least one scope.");
        await Expect(page.Locator("#created-key")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_viewer_cannot_see_key_management()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/api-keys");

        await Expect(page.Locator("#api-keys-admins-only")).ToContainTextAsync("Only admins manage API keys");
        await Expect(page.Locator("#create-key")).ToHaveCountAsync(0);
        await Expect(page.Locator("#api-keys-table")).ToHaveCountAsync(0);
    }
}
