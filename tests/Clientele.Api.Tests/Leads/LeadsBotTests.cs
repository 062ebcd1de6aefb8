using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>The bot through the API: it answers a lead as sender bot, keeps quality_score and status with an explanation per factor, and stops when a person joins.</summary>
public sealed class LeadsBotTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private static async Task<JsonElement> SayAsync(HttpClient client, string lead, string message, string sender = "lead") =>
        await LeadsRows.PostAsync(client, $"leads/{lead}/messages", new { message, sender, platform = "whatsapp" });

    [DatabaseFact]
    public async Task The_seed_laptop_conversation_ends_hot_with_a_score_and_its_reasons()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bot", "leads:write");
        var (_, _, ad) = await LeadsRows.BasicsAsync(client);
        var lead = await LeadsRows.PostAsync(client, "leads", new { ad_id = ad, name = "Иван Иванов", phone = "+7 777 123 4567", source = "whatsapp" });

        var first = await SayAsync(client, lead.Id(), "Здравствуйте, интересует ремонт MacBook, залили водой, не включается");
        Assert.Equal("bot", first.GetProperty("bot_reply").GetProperty("sender").GetString());
        Assert.Equal("contacted", first.GetProperty("lead_status").GetString());
        JsonElement last = first;
        foreach (var answer in new[] { "Срочно, завтра экзамен", "10-15 тысяч нормально", "Да, сам решаю" })
        {
            last = await SayAsync(client, lead.Id(), answer);
        }

        var detail = await LeadsRows.GetAsync(client, $"leads/{lead.Id()}");
        var senders = detail.GetProperty("conversations").EnumerateArray().Select(m => m.GetProperty("sender").GetString()).ToList();
        Assert.Equal("hot", detail.GetProperty("status").GetString());
        Assert.InRange(detail.GetProperty("quality_score").GetInt32(), 80, 100);
        Assert.Equal(last.GetProperty("quality_score").GetInt32(), detail.GetProperty("quality_score").GetInt32());
        Assert.Equal(4, senders.Count(s => s == "lead"));
        Assert.InRange(senders.Count(s => s == "bot"), 2, 4);
        Assert.All(senders.Select((s, i) => (s, i)).Where(p => p.s == "bot"), p => Assert.Equal("lead", senders[p.i - 1]));
        var factors = detail.GetProperty("qualification").GetProperty("factors").EnumerateArray().ToList();
        Assert.Equal(["need", "budget", "timeline", "authority", "contact"], factors.Select(f => f.GetProperty("factor").GetString()));
        Assert.All(factors, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("explanation").GetString())));
        Assert.Equal(detail.GetProperty("quality_score").GetInt32(), detail.GetProperty("qualification").GetProperty("quality_score").GetInt32());
    }

    [DatabaseFact]
    public async Task The_bot_falls_silent_once_a_human_writes_and_keeps_scoring()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("takeover", "leads:write");
        var lead = await LeadsRows.LeadAsync(client);
        await SayAsync(client, lead.Id(), "Здравствуйте, нужен ремонт ноутбука");

        await SayAsync(client, lead.Id(), "Добрый день, это менеджер Айжан, чем помочь?", "human");
        var after = await SayAsync(client, lead.Id(), "Срочно, сегодня");

        Assert.Equal(JsonValueKind.Null, after.GetProperty("bot_reply").ValueKind);
        var senders = (await LeadsRows.GetAsync(client, $"leads/{lead.Id()}/messages")).GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("sender").GetString()).ToList();
        Assert.Equal(["lead", "bot", "human", "lead"], senders);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("quality_score").ValueKind);
    }

    [DatabaseFact]
    public async Task Spam_is_marked_spam_and_a_status_a_person_set_is_not_moved_by_the_bot()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bot-spam", "leads:write");
        var spammer = await LeadsRows.LeadAsync(client, phone: "+7 701 999 8877", name: "Promo");
        var kept = await LeadsRows.LeadAsync(client, phone: "+7 702 999 8877", name: "Дана");
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{kept.Id()}/status", new { status = "qualified" });

        var spam = await SayAsync(client, spammer.Id(), "Заработок от 100$ в день без вложений, пишите t.me/easy_money_kz");
        var stays = await SayAsync(client, kept.Id(), "Заработок от 100$ в день без вложений, пишите t.me/easy_money_kz");

        Assert.Equal("spam", spam.GetProperty("lead_status").GetString());
        Assert.Equal("qualified", stays.GetProperty("lead_status").GetString());
    }

    [DatabaseFact]
    public async Task A_message_to_an_unknown_lead_is_404()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bot-404", "leads:write");

        var response = await client.PostAsJsonAsync($"/leads/api/leads/{Guid.NewGuid()}/messages", new { message = "Привет", sender = "lead" });

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"detail":"Lead not found"}""", await response.Content.ReadAsStringAsync());
    }
}
