using Microsoft.Playwright;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>Debian's Chromium, driven headless through Playwright; never a downloaded browser.</summary>
public static class Chromium
{
    public const string Variable = "CLIENTELE_TEST_CHROMIUM";

    public static string ExecutablePath => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not at {ExecutablePath}: run the tests with ./test.sh, which installs it (apt-get install chromium), or set {Variable}.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
