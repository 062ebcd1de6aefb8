using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

/// <summary>
/// The leads pages: the kanban (status columns, moves along the state machine), a lead's page (fields, conversation, status
/// history, score breakdown, a person's message), the funnels (the API's stats, drawn) and the CSV import form with its report.
/// </summary>
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

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/leads/api/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Id(JsonElement row) => row.GetProperty("id").GetString()!;

    [Fact]
    public async Task A_card_opens_the_lead_page_with_its_conversation_score_and_history_and_a_person_can_write()
    {
        using var client = await ClientAsync();
        var niche = await SendAsync(client, HttpMethod.Post, "niches", new { name = "Салон красоты Астана", category = "beauty" });
        var campaign = await SendAsync(client, HttpMethod.Post, "campaigns", new { niche_id = Id(niche), name = "Instagram → WhatsApp", platform = "whatsapp", budget = 30000 });
        var lead = await SendAsync(client, HttpMethod.Post, "leads", new { campaign_id = Id(campaign), name = "Гульнара Сапарова", phone = "+7 708 123 9876", source = "whatsapp" });
        var leadId = Id(lead);
        var first = await SendAsync(client, HttpMethod.Post, $"leads/{leadId}/messages", new { message = "Здравствуйте, нужен маникюр на завтра, бюджет до 10 000 тг", sender = "lead" });
        var botText = first.GetProperty("bot_reply").GetProperty("message").GetString()!;
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/leads");

        await page.Locator($"#lead-{leadId} .lead-name").ClickAsync();

        await Expect(page.Locator("#lead-title")).ToHaveTextAsync("Гульнара Сапарова");
        await Expect(page.Locator("#lead-phone")).ToHaveTextAsync("+7 708 123 9876");
        await Expect(page.Locator("#lead-campaign")).ToHaveTextAsync("Instagram → WhatsApp");
        await Expect(page.Locator("#lead-conversation .message")).ToHaveCountAsync(2);
        await Expect(page.Locator("#lead-conversation .message").Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("message-lead"));
        await Expect(page.Locator("#lead-conversation .message-bot .message-text")).ToHaveTextAsync(botText);
        var stored = await SendAsync(client, HttpMethod.Get, $"leads/{leadId}");
        foreach (var factor in stored.GetProperty("qualification").GetProperty("factors").EnumerateArray())
        {
            var row = page.Locator($"#lead-score-breakdown .factor[data-factor='{factor.GetProperty("factor").GetString()}']");
            await Expect(row.Locator(".factor-points")).ToHaveTextAsync($"{factor.GetProperty("points").GetInt32()} / {factor.GetProperty("max_points").GetInt32()}");
            await Expect(row).ToContainTextAsync(factor.GetProperty("explanation").GetString()!);
        }
        await Expect(page.Locator("#lead-score-breakdown .factor")).ToHaveCountAsync(5);
        await Expect(page.Locator("#lead-score")).ToHaveTextAsync($"score {stored.GetProperty("quality_score").GetInt32()}");
        await Expect(page.Locator("#lead-history .history-step").First).ToContainTextAsync("created");
        await Expect(page.Locator("#lead-history .history-step").Last).ToContainTextAsync($"{stored.GetProperty("status").GetString()} from new · by bot");

        await page.Locator("#lead-conversation textarea").FillAsync("Гульнара, записали вас на завтра в 11:00");
        await page.Locator("#send-message").ClickAsync();

        await Expect(page.Locator("#lead-conversation .message-human .message-text")).ToHaveTextAsync("Гульнара, записали вас на завтра в 11:00");
        var later = await SendAsync(client, HttpMethod.Post, $"leads/{leadId}/messages", new { message = "Спасибо, буду", sender = "lead" });
        Assert.Equal(JsonValueKind.Null, later.GetProperty("bot_reply").ValueKind);
        var messages = (await SendAsync(client, HttpMethod.Get, $"leads/{leadId}/messages")).GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("sender").GetString()).ToList();
        Assert.Equal(["lead", "bot", "human", "lead"], messages);
    }

    [Fact]
    public async Task The_funnels_show_the_apis_stats_for_each_niche_and_campaign()
    {
        using var client = await ClientAsync();
        var niche = await SendAsync(client, HttpMethod.Post, "niches", new { name = "Кухни на заказ Шымкент", category = "furniture", cpl_target = 2000, roi_target = 100 });
        var olx = await SendAsync(client, HttpMethod.Post, "campaigns", new { niche_id = Id(niche), name = "OLX кухни", platform = "olx", budget = 60000 });
        var kaspi = await SendAsync(client, HttpMethod.Post, "campaigns", new { niche_id = Id(niche), name = "Kaspi кухни", platform = "kaspi", budget = 40000 });
        await SendAsync(client, HttpMethod.Post, $"campaigns/{Id(olx)}/spend", new { amount = 15000 });
        await SendAsync(client, HttpMethod.Post, $"campaigns/{Id(kaspi)}/spend", new { amount = 7000.5 });
        var statuses = new (string Campaign, string Status, int? Budget)[]
        {
            (Id(olx), "hot", null), (Id(olx), "won", 450000), (Id(olx), "new", null), (Id(kaspi), "qualified", null), (Id(kaspi), "spam", null), (Id(kaspi), "contacted", null),
        };
        for (var i = 0; i < statuses.Length; i++)
        {
            var (campaign, status, budget) = statuses[i];
            var lead = await SendAsync(client, HttpMethod.Post, "leads", new { campaign_id = campaign, name = $"Клиент {i}", phone = $"+7 747 300 00 {i:00}", source = "olx", budget });
            if (status != "new")
            {
                await SendAsync(client, HttpMethod.Patch, $"leads/{Id(lead)}/status", new { status });
            }
        }
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/leads/funnels");

        var card = page.Locator($"#niche-{Id(niche)}");
        var nicheStats = await SendAsync(client, HttpMethod.Get, $"niches/{Id(niche)}/stats");
        foreach (var figure in new[] { "total_leads", "qualified_leads", "spent", "cpl", "conversion_rate", "revenue", "roi" })
        {
            await Expect(card.Locator($".figure-{figure}")).ToHaveAttributeAsync("data-value", Invariant(nicheStats.GetProperty(figure)));
        }
        await Expect(card.Locator(".niche-verdict")).ToHaveTextAsync(nicheStats.GetProperty("verdict").GetString()!);
        await Expect(card.Locator(".funnel-stage[data-key='leads']")).ToHaveAttributeAsync("data-value", "6");
        await Expect(card.Locator(".funnel-stage[data-key='qualified']")).ToHaveAttributeAsync("data-value", nicheStats.GetProperty("qualified_leads").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(card.Locator(".funnel-stage[data-key='won']")).ToHaveAttributeAsync("data-value", "1");
        foreach (var campaign in new[] { olx, kaspi })
        {
            var stats = (await SendAsync(client, HttpMethod.Get, $"campaigns/{Id(campaign)}")).GetProperty("stats");
            var row = page.Locator($"#campaign-{Id(campaign)}");
            foreach (var figure in new[] { "total_leads", "qualified_leads", "won_leads", "cpl", "conversion_rate" })
            {
                await Expect(row.Locator($".figure-{figure}")).ToHaveAttributeAsync("data-value", Invariant(stats.GetProperty(figure)));
            }
            await Expect(page.Locator($"#chart-cpl .chart-bar[data-key='{Id(campaign)}']")).ToHaveAttributeAsync("data-value", Invariant(stats.GetProperty("cpl")));
            await Expect(page.Locator($"#chart-conversion .chart-bar[data-key='{Id(campaign)}']")).ToHaveAttributeAsync("data-value", Invariant(stats.GetProperty("conversion_rate")));
        }
    }

    private static string Invariant(JsonElement number) => number.GetDecimal().ToString("0.############", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_import_form_previews_refuses_a_bad_file_by_line_and_imports_a_good_one_as_a_job_it_follows()
    {
        using var client = await ClientAsync();
        var stored = await LeadAsync(client, "Ерлан Абенов", "+7 771 900 1122");
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/modules/leads/csv");
        static FilePayload File(string csv) => new() { Name = "leads.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) };

        await DashboardPage.PickFileAsync(page, "#import-file", File("name,phone,source\r\nАсель Нурова,+7 771 900 3344,olx\r\nЕрлан,87719001122,olx\r\nТимур,12,kaspi\r\n"));
        await page.Locator("#preview-import").ClickAsync();

        await Expect(page.Locator("#import-summary")).ToContainTextAsync("would be refused: 2 problem(s) in 3 line(s)");
        await Expect(page.Locator("#import-problems .import-problem[data-line='4']")).ToContainTextAsync("phone");
        await Expect(page.Locator("#import-problems .import-problem[data-line='3']")).ToContainTextAsync("is already lead");

        await DashboardPage.PickFileAsync(page, "#import-file", File("name,phone,source\r\nАсель Нурова,+7 771 900 3344,olx\r\nЕрлан,87719001122,olx\r\nТимур Ким,+7 771 900 5566,kaspi\r\n"));
        await page.GetByLabel("Leave duplicates out").CheckAsync();
        await page.Locator("#preview-import").ClickAsync();

        await Expect(page.Locator("#import-summary")).ToContainTextAsync("Preview: 2 of 3 line(s) would be imported, 1 duplicate(s) left out.");
        await Expect(page.Locator("#import-duplicates .import-duplicate[data-line='3']")).ToContainTextAsync(stored);
        Assert.Empty((await SendAsync(client, HttpMethod.Get, "leads?phone=%2B77719003344")).EnumerateArray());

        await page.Locator("#run-import").ClickAsync();

        await Expect(page.Locator("#import-summary")).ToContainTextAsync("Imported 2 lead(s) from 3 line(s); 1 duplicate(s) left out.");
        await Expect(page.Locator("#import-job-status")).ToContainTextAsync("Import job succeeded · 100 %");
        await Expect(page.Locator("#import-job-link")).ToHaveAttributeAsync("href", "/jobs");
        Assert.Equal("Асель Нурова", (await SendAsync(client, HttpMethod.Get, "leads?phone=%2B77719003344"))[0].GetProperty("name").GetString());
        Assert.Equal("Тимур Ким", (await SendAsync(client, HttpMethod.Get, "leads?phone=87719005566"))[0].GetProperty("name").GetString());
        var href = await page.Locator("#export-link").GetAttributeAsync("href");
        Assert.Equal("/leads/api/leads/export.csv", href);
        Assert.Contains("Асель Нурова,+7 771 900 3344,olx", await client.GetStringAsync(href));
    }

    [Fact]
    public async Task A_viewer_can_export_but_sees_no_import_form()
    {
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/modules/leads/csv");

        await Expect(page.Locator("#export-link")).ToBeVisibleAsync();
        await Expect(page.Locator("#import-section")).ToHaveCountAsync(0);
    }
}
