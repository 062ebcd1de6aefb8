using System.Net;
using Clientele.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class SignInTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_wrong_password_shows_an_error_and_stays_on_the_login_page()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;

        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync(DashboardServer.OperatorEmail);
        await page.Locator("#password").FillAsync("not the password");
        await page.Locator("#sign-in").ClickAsync();

        await Expect(page.Locator("#login-error")).ToContainTextAsync("Invalid email or password");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "clientele.session");
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_error_as_a_wrong_password()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;

        await page.GotoAsync("/login");
        await page.Locator("#email").FillAsync("nobody@clientele.test");
        await page.Locator("#password").FillAsync(DashboardServer.OperatorPassword);
        await page.Locator("#sign-in").ClickAsync();

        await Expect(page.Locator("#login-error")).ToContainTextAsync("Invalid email or password");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_admin_signs_in_lands_on_the_dashboard_and_sees_the_five_modules()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;

        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword);

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(DashboardServer.OperatorEmail);
        foreach (var module in new[] { "banking", "retail", "churn", "visitors", "leads" })
        {
            await Expect(page.Locator($"#nav-{module} a")).ToHaveAttributeAsync("href", $"/modules/{module}");
        }
        await Expect(page.Locator(".module-card")).ToHaveCountAsync(5);
    }

    [Fact]
    public async Task Every_module_link_opens_the_modules_own_pages_and_an_unknown_module_gets_a_warning()
    {
        // Visitors was the last module without pages, so the "pages are coming" placeholder has no module left to show.
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword);

        await page.Locator("#nav-visitors a").ClickAsync();

        await Expect(page.Locator("#visitors-tabs")).ToBeVisibleAsync();
        await Expect(page.Locator("#module-placeholder")).ToHaveCountAsync(0);
        await DashboardPage.GoAsync(page, "/modules/nonexistent");
        await Expect(page.Locator(".mud-alert")).ToContainTextAsync("There is no module named");
    }

    [Fact]
    public async Task A_dashboard_page_sends_a_visitor_to_the_login_page_and_back_after_signing_in()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;

        await page.GotoAsync("/modules/banking/clients");

        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await page.Locator("#email").FillAsync(DashboardServer.OperatorEmail);
        await page.Locator("#password").FillAsync(DashboardServer.OperatorPassword);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/modules/banking/clients");
    }

    [Fact]
    public async Task Without_a_session_pages_redirect_to_login_while_the_api_still_answers_401()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        using var page = await http.GetAsync("/modules/banking/clients");
        using var api = await http.GetAsync("/platform/api/me");
        using var keys = await http.GetAsync("/platform/api/keys");

        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fmodules%2Fbanking%2Fclients", new Uri(http.BaseAddress!, page.Headers.Location!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keys.StatusCode);
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        using var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = DashboardServer.OperatorEmail,
            ["Input.Password"] = DashboardServer.OperatorPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("clientele.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword);

        await page.Locator("#logout-form button").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.GotoAsync("/");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    }
}
