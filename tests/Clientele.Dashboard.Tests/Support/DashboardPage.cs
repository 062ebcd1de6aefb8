using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>Steps every dashboard test takes: a fresh browser context, signing in, waiting for the interactive circuit.</summary>
public static class DashboardPage
{
    /// <summary>Generous: the first circuit of a run also compiles and warms up a lot.</summary>
    public const float Timeout = 60_000;

    static DashboardPage() => SetDefaultExpectTimeout(Timeout);

    public static async Task<(IBrowserContext Context, IPage Page)> OpenAsync(BrowserFixture browser, DashboardServer server)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl, Locale = "en-US" });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        return (context, page);
    }

    public static async Task SignInAsync(IPage page, string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl);
        await WaitForCircuitAsync(page);
    }

    /// <summary>Prerendered HTML shows before the circuit connects; clicks before that do nothing.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        Expect(page.Locator("#circuit-ready")).ToBeAttachedAsync();

    /// <summary>
    /// Picks a file in a Blazor <c>InputFile</c>. Its change listener is attached by a script call after the circuit's first render,
    /// so a file set before that is lost and the form never learns of it (seen under load). Blazor marks the element as it attaches
    /// the listener (<c>_blazorInputFileNextFileId</c>, framework-internal: if an upgrade renames it, this waits until its timeout).
    /// </summary>
    public static async Task PickFileAsync(IPage page, string selector, FilePayload file)
    {
        await page.WaitForFunctionAsync("selector => document.querySelector(selector)?._blazorInputFileNextFileId !== undefined", selector);
        await page.Locator(selector).SetInputFilesAsync(file);
    }

    public static async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForCircuitAsync(page);
    }
}
