using Microsoft.Playwright;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>One headless Chromium for a test class; every test gets its own context (its own cookies).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (_playwright, Browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
