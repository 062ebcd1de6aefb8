using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Leads.Channels;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Leads;

/// <summary>
/// The bot's replies go out through a durable platform job queued with the stored reply: retried with back-off while the
/// platform is down, sent once when it is back, failed with the platform's error when it refuses, each attempt on the message.
/// </summary>
public sealed class LeadsDeliveryTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    /// <summary>The lead's bot messages once each delivery is settled (sent or failed); the last one.</summary>
    public static async Task<JsonElement> SettledReplyAsync(HttpClient client, string leadId)
    {
        var bots = await Eventually.WaitAsync(async () => BotMessages(await LeadsRows.GetAsync(client, $"leads/{leadId}/messages")),
            replies => replies.Count > 0 && replies.All(r => DeliveryStatus(r) is "sent" or "failed"), "the replies' deliveries to settle");
        return bots[^1];
    }

    private static List<JsonElement> BotMessages(JsonElement conversation) =>
        conversation.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("sender").GetString() == "bot").ToList();

    private static string? DeliveryStatus(JsonElement message) =>
        message.GetProperty("delivery") is { ValueKind: JsonValueKind.Object } delivery ? delivery.GetProperty("status").GetString() : null;

    private async Task TelegramAsync(string campaign, long chat, long messageId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/channels/telegram/{campaign}")
        {
            Content = new StringContent(LeadsChannelTests.TelegramUpdate(chat, messageId, text), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LeadsServer.TelegramSecret);
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A new organization whose one lead wrote on Telegram and got the bot's first reply.</summary>
    private async Task<(HttpClient Client, Guid Organization, long Chat, string Lead)> TelegramLeadAsync(string slug)
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync(slug, "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var chat = NewChat();
        await TelegramAsync(campaign, chat, 1, "Здравствуйте, ноутбук не включается, нужен ремонт");
        var lead = await OnlyLeadAsync(client);
        await SettledReplyAsync(client, lead);
        return (client, organization, chat, lead);
    }

    private static long NewChat() => Random.Shared.NextInt64(100_000_000, 999_999_999);

    private static async Task<string> OnlyLeadAsync(HttpClient client) => Assert.Single((await LeadsRows.GetAsync(client, "leads")).EnumerateArray()).Id();

    [DatabaseFact]
    public async Task A_reply_made_while_telegram_is_down_is_retried_with_its_errors_recorded_and_arrives_once_when_it_is_back()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("delivery-down", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var chat = NewChat();
        await server.Platforms.StopAsync();
        try
        {
            await TelegramAsync(campaign, chat, 1, "Здравствуйте, ноутбук не включается, нужен ремонт");
            var lead = await OnlyLeadAsync(client);
            var failing = await Eventually.WaitAsync(async () => BotMessages(await LeadsRows.GetAsync(client, $"leads/{lead}/messages")).Single(),
                m => m.GetProperty("delivery").GetProperty("attempts").GetInt32() >= 2, "two failed attempts");
            var delivery = failing.GetProperty("delivery");
            Assert.Equal("retrying", delivery.GetProperty("status").GetString());
            Assert.StartsWith("telegram could not be reached", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, delivery.GetProperty("sent_at").ValueKind);
        }
        finally
        {
            await server.Platforms.StartAsync();
        }

        var leadId = await OnlyLeadAsync(client);
        var sent = (await SettledReplyAsync(client, leadId)).GetProperty("delivery");
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.True(sent.GetProperty("attempts").GetInt32() >= 3);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("error").ValueKind);
        Assert.EndsWith("Z", sent.GetProperty("sent_at").GetString(), StringComparison.Ordinal);
        // A later reply that arrives proves the first had every chance to arrive twice.
        await TelegramAsync(campaign, chat, 2, "Срочно, завтра");
        await Eventually.WaitAsync(() => Task.FromResult(server.Platforms.To(chat.ToString()).Count), n => n >= 2, "the second reply");
        await SettledReplyAsync(client, leadId);
        var arrived = server.Platforms.To(chat.ToString());
        var replies = BotMessages(await LeadsRows.GetAsync(client, $"leads/{leadId}/messages"));
        Assert.Equal(replies.Select(r => r.GetProperty("message").GetString()), arrived.Select(a => a.Body.GetProperty("text").GetString()));

        var jobs = (await LeadsRows.JobsAsync(client)).Where(j => j.GetProperty("kind").GetString() == "leads.channel-reply").ToList();
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.Equal("succeeded", j.GetProperty("status").GetString()));
    }

    [DatabaseFact]
    public async Task A_persons_message_to_a_telegram_lead_goes_out_to_the_chat_with_its_delivery_and_one_to_an_olx_lead_stays()
    {
        var (client, _, chat, lead) = await TelegramLeadAsync("delivery-human");
        var olx = await LeadsRows.PostAsync(client, "leads", new { name = "Алия", phone = "+7 701 000 1122", source = "olx" });
        const string text = "Здравствуйте! Менеджер Айжан, перезвоню через 10 минут.";

        var posted = await LeadsRows.PostAsync(client, $"leads/{lead}/messages", new { message = text, sender = "human", platform = "telegram" });
        var stays = await LeadsRows.PostAsync(client, $"leads/{olx.Id()}/messages", new { message = text, sender = "human" });

        Assert.Equal("pending", posted.GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, posted.GetProperty("bot_reply").ValueKind);
        Assert.Equal(JsonValueKind.Null, stays.GetProperty("delivery").ValueKind);
        var sent = await Eventually.WaitAsync(async () => (await LeadsRows.GetAsync(client, $"leads/{lead}/messages")).GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == posted.Id()), m => DeliveryStatus(m) == "sent", "the person's message to be sent");
        Assert.Equal("human", sent.GetProperty("sender").GetString());
        var requests = server.Platforms.To(chat.ToString());
        Assert.EndsWith("/bot123:ABC/sendMessage", Assert.Single(requests, r => r.Body.GetProperty("text").GetString() == text).Path, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_queued_reply_gives_the_pooled_jobs_context_its_own_connection_back()
    {
        var (_, organization, chat, lead) = await TelegramLeadAsync("delivery-pool");

        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var reply = new LeadMessage { LeadId = Guid.Parse(lead), Message = "Перезвоню через 10 минут.", Sender = "human", Platform = "telegram", CreatedAt = DateTimeOffset.UtcNow };
        db.Messages.Add(reply);
        await scope.ServiceProvider.GetRequiredService<ReplyQueue>().SaveAsync(db, reply, chat.ToString(), null, CancellationToken.None);

        // The reply's job was written on the leads context's connection, in its transaction; afterwards the jobs context (which a
        // later scope may rent from the pool) has a connection of its own again, and it works.
        Assert.NotSame(db.Database.GetDbConnection(), jobs.Database.GetDbConnection());
        Assert.Equal(2, await jobs.Jobs.CountAsync(j => j.Kind == "leads.channel-reply"));
        await Eventually.WaitAsync(() => Task.FromResult(server.Platforms.To(chat.ToString()).Count), n => n >= 2, "the second message to be sent");
    }

    [DatabaseFact]
    public async Task A_reply_whose_worker_died_during_its_last_attempt_ends_failed_with_the_reason_and_is_not_sent()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("delivery-dead", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var chat = NewChat();
        await server.Platforms.StopAsync();
        try
        {
            await TelegramAsync(campaign, chat, 1, "Здравствуйте, ноутбук не включается, нужен ремонт");
            var lead = await OnlyLeadAsync(client);
            await Eventually.WaitAsync(async () => BotMessages(await LeadsRows.GetAsync(client, $"leads/{lead}/messages")).Single(),
                m => DeliveryStatus(m) == "retrying", "a failed attempt");
            var job = (await LeadsRows.JobsAsync(client)).Single(j => j.GetProperty("kind").GetString() == "leads.channel-reply").Id();
            // As if a worker had claimed the last attempt and died: running, every attempt used, its lease run out.
            await Eventually.WaitAsync(async () =>
            {
                using var scope = server.Services.CreateScope();
                var jobs = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
                return await jobs.Jobs.IgnoreQueryFilters().Where(j => j.Id == Guid.Parse(job) && j.OrganizationId == organization && j.Status == JobStatus.Queued)
                    .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.Attempts, j => j.MaxAttempts)
                        .SetProperty(j => j.LeaseOwner, "dead-worker").SetProperty(j => j.LeaseExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            }, updated => updated == 1, "the job between two attempts");

            var failed = await SettledReplyAsync(client, lead);
            var delivery = failed.GetProperty("delivery");
            Assert.Equal("failed", delivery.GetProperty("status").GetString());
            Assert.Contains("stopped before finishing", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
            var ended = (await LeadsRows.JobsAsync(client)).Single(j => j.Id() == job);
            Assert.Equal("failed", ended.GetProperty("status").GetString());
        }
        finally
        {
            await server.Platforms.StartAsync();
        }
        Assert.Empty(server.Platforms.To(chat.ToString()));
    }

    [DatabaseFact]
    public async Task A_reply_telegram_refuses_is_failed_after_one_attempt_with_its_error_and_without_the_token()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("delivery-refused", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var chat = NewChat();
        server.Platforms.UnknownRecipients[chat.ToString()] = true;

        await TelegramAsync(campaign, chat, 1, "Здравствуйте, нужен ремонт ноутбука");
        var delivery = (await SettledReplyAsync(client, await OnlyLeadAsync(client))).GetProperty("delivery");

        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("telegram answered 400 Bad Request: Bad Request: chat not found", delivery.GetProperty("error").GetString());
        Assert.Single(server.Platforms.Requests, r => r.Body.GetProperty("chat_id").GetString() == chat.ToString());
        var job = Assert.Single(await LeadsRows.JobsAsync(client), j => j.GetProperty("kind").GetString() == "leads.channel-reply");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
    }

    [DatabaseFact]
    public async Task A_reply_with_nothing_to_send_it_with_is_failed_at_once_and_a_lead_without_a_chat_gets_no_delivery()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("delivery-none", "leads:write");
        // WhatsApp needs the business number the lead wrote to; a lead made through the API has none, and none is configured.
        var chatLead = await LeadsRows.PostAsync(client, "leads", new { name = "Айгерим", source = "whatsapp", platform_user_id = "77011112233" });
        var formLead = await LeadsRows.PostAsync(client, "leads", new { name = "Ерлан", phone = "+7 701 444 5566", source = "olx" });

        var toChat = await LeadsRows.PostAsync(client, $"leads/{chatLead.Id()}/messages", new { message = "Нужен ремонт ноутбука", sender = "lead" });
        var toForm = await LeadsRows.PostAsync(client, $"leads/{formLead.Id()}/messages", new { message = "Нужен ремонт ноутбука", sender = "lead" });

        var delivery = toChat.GetProperty("bot_reply").GetProperty("delivery");
        Assert.Equal("failed", delivery.GetProperty("status").GetString());
        Assert.Equal(0, delivery.GetProperty("attempts").GetInt32());
        Assert.StartsWith("No WhatsApp business number", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, toForm.GetProperty("bot_reply").GetProperty("delivery").ValueKind);
        Assert.DoesNotContain(await LeadsRows.JobsAsync(client), j => j.GetProperty("kind").GetString() == "leads.channel-reply");
        Assert.Empty(server.Platforms.To("77011112233"));
    }

    [DatabaseFact]
    public async Task Each_organization_replies_with_its_own_tokens_and_one_without_them_with_the_servers()
    {
        var (first, _) = await server.ClientForNewOrganizationAsync("tokens-first", "leads:write");
        var (second, _) = await server.ClientForNewOrganizationAsync("tokens-second", "leads:write");
        var (plain, _) = await server.ClientForNewOrganizationAsync("tokens-plain", "leads:write");
        Assert.Equal(HttpStatusCode.OK, (await first.PutAsJsonAsync("/leads/api/channels/secrets",
            new { telegram_bot_token = "111:first-secret-part", whatsapp_access_token = "EAAG-first" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PutAsJsonAsync("/leads/api/channels/secrets",
            new { telegram_bot_token = "222:second-secret-part", whatsapp_access_token = "EAAG-second" })).StatusCode);
        var expected = new[] { (first, "/bot111:first-secret-part/sendMessage", "Bearer EAAG-first"),
            (second, "/bot222:second-secret-part/sendMessage", "Bearer EAAG-second"), (plain, "/bot123:ABC/sendMessage", "Bearer wa-token") };

        foreach (var (client, telegramPath, authorization) in expected)
        {
            var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
            var chat = NewChat();
            var waId = $"7702{Random.Shared.Next(1_000_000, 9_999_999)}";
            await TelegramAsync(campaign, chat, 1, "Здравствуйте, нужен ремонт ноутбука");
            var notification = LeadsChannelTests.WhatsAppNotification(waId, $"wamid.{Guid.NewGuid():N}", "Сәлеметсіз бе, жөндеу керек");
            Assert.Equal(HttpStatusCode.OK, (await LeadsChannelTests.SignedWhatsAppAsync(server, campaign, notification)).StatusCode);
            foreach (var lead in (await LeadsRows.GetAsync(client, "leads")).EnumerateArray())
            {
                Assert.Equal("sent", (await SettledReplyAsync(client, lead.Id())).GetProperty("delivery").GetProperty("status").GetString());
            }
            Assert.Equal(telegramPath, Assert.Single(server.Platforms.To(chat.ToString())).Path);
            Assert.Equal(authorization, Assert.Single(server.Platforms.To(waId)).Authorization);
        }
        var shown = await first.GetStringAsync("/leads/api/channels/secrets");
        Assert.Contains("\"telegram_bot_token_set\":true,\"whatsapp_access_token_set\":true", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-part", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("EAAG", shown, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_removed_token_falls_back_to_the_servers_and_bad_tokens_are_422_changing_nothing()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("tokens-bad", "leads:write");
        await client.PutAsJsonAsync("/leads/api/channels/secrets", new { telegram_bot_token = "333:kept-part" });
        var before = await client.GetStringAsync("/leads/api/channels/secrets");

        foreach (var (field, value) in new[] { ("telegram_bot_token", "no-colon-here"), ("telegram_bot_token", "abc:def"), ("telegram_bot_token", "1:has space"),
            ("whatsapp_access_token", "has space"), ("whatsapp_access_token", new string('a', 1025)), ("whatsapp_access_token", "токен") })
        {
            var response = await client.PutAsJsonAsync("/leads/api/channels/secrets", new Dictionary<string, string> { [field] = value, ["whatsapp_verify_token"] = "new-verify" });
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{field}={value}: {(int)response.StatusCode}");
            var detail = (await response.ReadJsonAsync()).GetProperty("detail")[0];
            Assert.Equal($"""["body","{field}"]""", detail.GetProperty("loc").GetRawText());
            Assert.DoesNotContain(value, detail.GetProperty("msg").GetString()!, StringComparison.Ordinal);
        }
        Assert.Equal(before, await client.GetStringAsync("/leads/api/channels/secrets"));

        await client.PutAsJsonAsync("/leads/api/channels/secrets", new { telegram_bot_token = "" });
        Assert.Contains("\"telegram_bot_token_set\":false", await client.GetStringAsync("/leads/api/channels/secrets"), StringComparison.Ordinal);
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var chat = NewChat();
        await TelegramAsync(campaign, chat, 1, "Здравствуйте, нужен ремонт ноутбука");
        await SettledReplyAsync(client, await OnlyLeadAsync(client));
        Assert.Equal("/bot123:ABC/sendMessage", Assert.Single(server.Platforms.To(chat.ToString())).Path);
    }
}
