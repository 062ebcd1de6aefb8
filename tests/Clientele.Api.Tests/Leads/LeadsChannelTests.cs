using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Telegram and WhatsApp webhooks: their documented JSON, signature and secret checks, idempotency, and replies out through the loopback platform API.</summary>
public sealed class LeadsChannelTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    internal static string TelegramUpdate(long chat, long messageId, string text) => $$$"""
        {"update_id": {{{messageId + 10000}}},
         "message": {"message_id": {{{messageId}}}, "date": 1732000000, "text": {{{JsonSerializer.Serialize(text)}}},
                     "from": {"id": {{{chat}}}, "is_bot": false, "first_name": "Нурлан", "last_name": "Сейткали", "language_code": "ru"},
                     "chat": {"id": {{{chat}}}, "type": "private", "first_name": "Нурлан"} } }
        """;

    internal static string WhatsAppNotification(string waId, string messageId, string text) => $$$"""
        {"object": "whatsapp_business_account",
         "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "77270000000", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": "Динара"}, "wa_id": "{{{waId}}}"}],
            "messages": [{"from": "{{{waId}}}", "id": "{{{messageId}}}", "timestamp": "1732000000", "type": "text", "text": {"body": {{{JsonSerializer.Serialize(text)}}} } }]} }]}]}
        """;

    private async Task<HttpResponseMessage> TelegramAsync(string campaign, string body, string? secret = LeadsServer.TelegramSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/channels/telegram/{campaign}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return await server.CreateClient().SendAsync(request);
    }

    internal static async Task<HttpResponseMessage> SignedWhatsAppAsync(LeadsServer server, string campaign, string body, string? secret = LeadsServer.WhatsAppSecret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/channels/whatsapp/{campaign}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        }
        return await server.CreateClient().SendAsync(request);
    }

    private Task<HttpResponseMessage> WhatsAppAsync(string campaign, string body, string? secret = LeadsServer.WhatsAppSecret) =>
        SignedWhatsAppAsync(server, campaign, body, secret);

    [DatabaseFact]
    public async Task A_telegram_update_makes_an_attributed_lead_the_bot_answers_through_sendMessage_once()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("tg", "leads:write");
        var (niche, campaign, _) = await LeadsRows.BasicsAsync(client);
        var chat = Random.Shared.NextInt64(100_000_000, 999_999_999);
        var update = TelegramUpdate(chat, 1, "Здравствуйте, ноутбук не включается, нужен ремонт");

        Assert.Equal(HttpStatusCode.OK, (await TelegramAsync(campaign, update)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TelegramAsync(campaign, update)).StatusCode);

        var lead = Assert.Single((await LeadsRows.GetAsync(client, "leads")).EnumerateArray());
        Assert.Equal("telegram", lead.GetProperty("source").GetString());
        Assert.Equal("Нурлан Сейткали", lead.GetProperty("name").GetString());
        Assert.Equal(campaign, lead.GetProperty("campaign_id").GetString());
        Assert.Equal(niche, lead.GetProperty("niche_id").GetString());
        var messages = (await LeadsRows.GetAsync(client, $"leads/{lead.Id()}/messages")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["lead", "bot"], messages.Select(m => m.GetProperty("sender").GetString()));
        var reply = await LeadsDeliveryTests.SettledReplyAsync(client, lead.Id());
        Assert.Equal("sent", reply.GetProperty("delivery").GetProperty("status").GetString());
        var sent = Assert.Single(server.Platforms.To(chat.ToString()));
        Assert.Equal("/bot123:ABC/sendMessage", sent.Path);
        Assert.Equal(messages[1].GetProperty("message").GetString(), sent.Body.GetProperty("text").GetString());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, $"campaigns/{campaign}")).GetProperty("leads_count").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await TelegramAsync(campaign, TelegramUpdate(chat, 2, "Срочно, завтра"))).StatusCode);
        Assert.Single((await LeadsRows.GetAsync(client, "leads")).EnumerateArray());
        Assert.Equal(4, (await LeadsRows.GetAsync(client, $"leads/{lead.Id()}/messages")).GetProperty("messages").GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_telegram_update_without_or_with_a_wrong_secret_is_403_and_stores_nothing()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("tg-bad", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var update = TelegramUpdate(42, 1, "Здравствуйте");

        var missing = await TelegramAsync(campaign, update, secret: null);
        var wrong = await TelegramAsync(campaign, update, secret: "guess");
        var malformed = await TelegramAsync(campaign, "{\"update_id\": ");
        var unknownCampaign = await TelegramAsync(Guid.NewGuid().ToString(), update);

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("""{"detail":"Invalid or missing secret token"}""", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCampaign.StatusCode);
        Assert.Equal("[]", await client.GetStringAsync("/leads/api/leads"));
    }

    [DatabaseFact]
    public async Task A_whatsapp_notification_with_a_good_signature_makes_a_lead_with_its_phone_and_replies_once()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("wa", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var waId = $"7701{Random.Shared.Next(1_000_000, 9_999_999)}";
        var body = WhatsAppNotification(waId, $"wamid.{Guid.NewGuid():N}", "Сәлеметсіз бе, ноутбук қосылмайды, жөндеу керек");

        Assert.Equal(HttpStatusCode.OK, (await WhatsAppAsync(campaign, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WhatsAppAsync(campaign, body)).StatusCode);

        var lead = Assert.Single((await LeadsRows.GetAsync(client, "leads")).EnumerateArray());
        Assert.Equal("Динара", lead.GetProperty("name").GetString());
        Assert.Equal($"+{waId}", lead.GetProperty("phone_e164").GetString());
        Assert.Equal(2, (await LeadsRows.GetAsync(client, $"leads/{lead.Id()}/messages")).GetProperty("messages").GetArrayLength());
        await LeadsDeliveryTests.SettledReplyAsync(client, lead.Id());
        var sent = Assert.Single(server.Platforms.To(waId));
        Assert.Equal("/106540352242922/messages", sent.Path);
        Assert.Equal("Bearer wa-token", sent.Authorization);
        Assert.Equal("whatsapp", sent.Body.GetProperty("messaging_product").GetString());
    }

    [DatabaseFact]
    public async Task A_whatsapp_notification_with_a_bad_or_missing_signature_is_403_and_stores_nothing()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("wa-bad", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var body = WhatsAppNotification("77011234567", "wamid.bad", "Здравствуйте");

        Assert.Equal(HttpStatusCode.Forbidden, (await WhatsAppAsync(campaign, body, secret: "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WhatsAppAsync(campaign, body, secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await WhatsAppAsync(campaign, "[1,2,3]")).StatusCode);
        Assert.Equal("[]", await client.GetStringAsync("/leads/api/leads"));
    }

    [DatabaseFact]
    public async Task The_whatsapp_verify_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        var client = server.CreateClient();
        var campaign = Guid.NewGuid();

        var good = await client.GetAsync($"/leads/api/channels/whatsapp/{campaign}?hub.mode=subscribe&hub.verify_token={LeadsServer.VerifyToken}&hub.challenge=1158201444");
        var bad = await client.GetAsync($"/leads/api/channels/whatsapp/{campaign}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("1158201444", await good.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
    }
}
