using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Dashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

/// <summary>The leads kanban: leads made through the API in their status columns, and a move from a card's menu that follows the state machine.</summary>
public sealed class LeadsPagesTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    private async Task<string> LeadAsync(HttpClient client, string name, string phone, string? status = null)
    {
        var response = await client.PostAsJsonAsync("/leads/api/leads", new { name, phone, source = "whatsapp" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        if (status is not null)
        {
            Assert.True((await client.PatchAsync($"/leads/api/leads/{id}/status?status={status}", null)).IsSuccessStatusCode);
        }
        return id;
    }

    private async Task<HttpClient> ClientAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", await server.CreateApiKeyAsync(server.MainOrganizationId, "leads:write"));
        return client;
    }

    [Fact]
    public async Task Leads_sit_in_their_status_columns_and_a_card_moves_through_its_menu()
    {
        using var client = await ClientAsync();
        var fresh = await LeadAsync(client, "Айгерим Ахметова", "+7 701 111 2233");
        await LeadAsync(client, "Нурлан Сейткали", "+7 702 111 2233", "qualified");
        await LeadAsync(client, "Дилноза Каримова", "+7 705 111 2233", "won");
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/leads");

        await Expect(page.Locator("#column-new")).ToContainTextAsync("Айгерим Ахметова");
        await Expect(page.Locator("#column-qualified")).ToContainTextAsync("Нурлан Сейткали");
        await Expect(page.Locator("#column-won")).ToContainTextAsync("Дилноза Каримова");
        await Expect(page.Locator("#column-won .lead-menu")).ToHaveCountAsync(0);

        await page.Locator($"#lead-{fresh} .lead-menu button").ClickAsync();
        await page.Locator(".move-hot").ClickAsync();

        await Expect(page.Locator("#column-hot")).ToContainTextAsync("Айгерим Ахметова");
        await Expect(page.Locator("#column-new")).Not.ToContainTextAsync("Айгерим Ахметова");
        var stored = JsonDocument.Parse(await client.GetStringAsync($"/leads/api/leads/{fresh}")).RootElement;
        Assert.Equal("hot", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_viewer_sees_the_board_without_move_menus()
    {
        using var client = await ClientAsync();
        await LeadAsync(client, "Жасур Юсупов", "+7 707 444 5566");
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/leads");

        await Expect(page.Locator("#leads-board")).ToContainTextAsync("Жасур Юсупов");
        await Expect(page.Locator(".lead-menu")).ToHaveCountAsync(0);
    }
}
