using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Idempotency-Key on POST …/messages and on merge: replayed byte for byte (one message, one reply, one send), 409 for another request, per organization.</summary>
public sealed class LeadsMessageIdempotencyTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/{path}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> TelegramLeadAsync(HttpClient client, string chat) =>
        await LeadsRows.PostAsync(client, "leads", new { name = "Нурлан", source = "telegram", platform_user_id = chat });

    private static async Task<int> MessageCountAsync(HttpClient client, string lead) =>
        (await LeadsRows.GetAsync(client, $"leads/{lead}/messages")).GetProperty("messages").GetArrayLength();

    [DatabaseFact]
    public async Task A_message_with_a_key_is_stored_answered_and_sent_once_and_its_replay_is_byte_for_byte()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-message", "leads:write");
        var chat = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString();
        var lead = (await TelegramLeadAsync(client, chat)).Id();
        var message = new { message = "Здравствуйте, ноутбук не включается, нужен ремонт", sender = "lead" };

        var first = await PostAsync(client, $"leads/{lead}/messages", "msg-1", message);
        var firstBody = await first.Content.ReadAsStringAsync();
        await LeadsDeliveryTests.SettledReplyAsync(client, lead);
        var second = await PostAsync(client, $"leads/{lead}/messages/", "msg-1", message);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("pending", JsonDocument.Parse(firstBody).RootElement.GetProperty("bot_reply").GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(2, await MessageCountAsync(client, lead));
        // The replay queued nothing: a later message's reply arrives, and the first reply arrived once.
        await LeadsRows.PostAsync(client, $"leads/{lead}/messages", new { message = "Срочно, завтра", sender = "lead" });
        await LeadsDeliveryTests.SettledReplyAsync(client, lead);
        Assert.Equal(2, server.Platforms.To(chat).Count);
        Assert.Equal(2, (await LeadsRows.JobsAsync(client)).Count(j => j.GetProperty("kind").GetString() == "leads.channel-reply"));
    }

    [DatabaseFact]
    public async Task A_message_key_reused_with_another_message_or_on_merge_is_409_and_nothing_changes()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-message-409", "leads:write");
        var lead = (await LeadsRows.LeadAsync(client)).Id();
        var other = (await LeadsRows.LeadAsync(client, phone: "+7 701 222 3344", name: "Пётр")).Id();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"leads/{lead}/messages", "k-1", new { message = "Нужен ремонт", sender = "lead" })).StatusCode);
        var before = await LeadsRows.SnapshotAsync(client);

        var responses = new[]
        {
            await PostAsync(client, $"leads/{lead}/messages", "k-1", new { message = "Другое сообщение", sender = "lead" }),
            await PostAsync(client, $"leads/{other}/messages", "k-1", new { message = "Нужен ремонт", sender = "lead" }),
            await PostAsync(client, $"leads/{lead}/merge", "k-1", new { lead_id = other }),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("""{"detail":"Idempotency-Key 'k-1' was already used with a different request"}""", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await LeadsRows.SnapshotAsync(client));
    }

    [DatabaseFact]
    public async Task A_merge_with_a_key_replays_its_answer_after_the_other_lead_is_gone_and_a_refused_merge_leaves_the_key_free()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-merge", "leads:write");
        var kept = (await LeadsRows.LeadAsync(client)).Id();
        var merged = (await LeadsRows.LeadAsync(client, phone: "+7 701 222 3344", name: "Пётр")).Id();
        await LeadsRows.PostAsync(client, $"leads/{merged}/messages", new { message = "Нужен ремонт", sender = "lead" });

        var refused = await PostAsync(client, $"leads/{kept}/merge", "merge-1", new { lead_id = kept });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var first = await PostAsync(client, $"leads/{kept}/merge", "merge-1", new { lead_id = merged });
        var again = await PostAsync(client, $"leads/{kept}/merge", "merge-1", new { lead_id = merged });
        var withoutKey = await client.PostAsJsonAsync($"/leads/api/leads/{kept}/merge", new { lead_id = merged });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.BadRequest, withoutKey.StatusCode);
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
        Assert.Equal(2, await MessageCountAsync(client, kept));
    }

    [DatabaseFact]
    public async Task Message_and_merge_keys_belong_to_one_organization()
    {
        var (mine, _) = await server.ClientForNewOrganizationAsync("idem-message-mine", "leads:write");
        var (theirs, _) = await server.ClientForNewOrganizationAsync("idem-message-theirs", "leads:write");
        var myLead = (await LeadsRows.LeadAsync(mine)).Id();
        var theirLead = (await LeadsRows.LeadAsync(theirs)).Id();
        var theirOther = (await LeadsRows.LeadAsync(theirs, phone: "+7 701 222 3344", name: "Пётр")).Id();

        var mineFirst = await PostAsync(mine, $"leads/{myLead}/messages", "shared", new { message = "Нужен ремонт", sender = "lead" });
        var theirsFirst = await PostAsync(theirs, $"leads/{theirLead}/messages", "shared", new { message = "Нужен ремонт", sender = "lead" });
        var myKeyOnTheirLead = await PostAsync(mine, $"leads/{theirLead}/messages", "fresh", new { message = "Нужен ремонт", sender = "lead" });
        var theirMerge = await PostAsync(theirs, $"leads/{theirLead}/merge", "merge-shared", new { lead_id = theirOther });
        var myMergeSameKey = await PostAsync(mine, $"leads/{myLead}/merge", "merge-shared", new { lead_id = theirOther });

        Assert.Equal(HttpStatusCode.OK, mineFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirsFirst.StatusCode);
        Assert.False(theirsFirst.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(theirLead, (await theirsFirst.ReadJsonAsync()).GetProperty("lead_id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, myKeyOnTheirLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, theirMerge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, myMergeSameKey.StatusCode);
        Assert.Equal(2, await MessageCountAsync(mine, myLead));
        Assert.Equal(2, await MessageCountAsync(theirs, theirLead));
        Assert.Equal(1, (await LeadsRows.GetAsync(theirs, "leads")).GetArrayLength());
        Assert.Equal(1, (await LeadsRows.GetAsync(mine, "leads")).GetArrayLength());
    }
}
