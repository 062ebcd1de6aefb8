using System.Net;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>
/// <c>GET /api/leads/{id}/status-history</c>: every status change, stored with the change itself (the bot's qualification, a
/// person's PATCH, a merge), oldest first, with who and through what; another organization's lead is 404.
/// </summary>
public sealed class LeadsStatusHistoryTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private static async Task<List<JsonElement>> ChangesAsync(HttpClient client, string lead) =>
        [.. (await LeadsRows.GetAsync(client, $"leads/{lead}/status-history")).GetProperty("changes").EnumerateArray()];

    private static string Step(JsonElement change) =>
        $"{change.GetProperty("from_status").GetString()}>{change.GetProperty("to_status").GetString()} {change.GetProperty("changed_by").GetString()}/{change.GetProperty("via").GetString()}";

    [DatabaseFact]
    public async Task The_bots_qualification_and_a_persons_change_are_kept_in_order_with_who_made_them()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("history", "leads:write");
        var (_, _, ad) = await LeadsRows.BasicsAsync(client);
        var lead = (await LeadsRows.PostAsync(client, "leads", new { ad_id = ad, name = "Иван", phone = "+7 777 123 4567", source = "olx" })).Id();

        var fresh = await LeadsRows.GetAsync(client, $"leads/{lead}/status-history");
        await LeadsRows.PostAsync(client, $"leads/{lead}/messages", new { message = "Здравствуйте, нужен ремонт ноутбука, не включается", sender = "lead", platform = "whatsapp" });
        var afterBot = await ChangesAsync(client, lead);
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lead}/status", new { status = "won" });
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lead}/status", new { status = "won" });
        var changes = await ChangesAsync(client, lead);

        Assert.Equal(lead, fresh.GetProperty("lead_id").GetString());
        Assert.EndsWith("Z", fresh.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.Empty(fresh.GetProperty("changes").EnumerateArray());
        Assert.Equal(["new>contacted bot/conversation"], afterBot.Select(Step));
        Assert.Equal(JsonValueKind.Null, afterBot[0].GetProperty("actor").ValueKind);
        Assert.Equal(["new>contacted bot/conversation", "contacted>won human/api"], changes.Select(Step));
        Assert.False(string.IsNullOrEmpty(changes[1].GetProperty("actor").GetString()));
        Assert.True(changes[0].GetProperty("changed_at").GetDateTime() <= changes[1].GetProperty("changed_at").GetDateTime());
        Assert.Equal("won", (await LeadsRows.GetAsync(client, $"leads/{lead}")).GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task A_merge_that_moves_the_status_and_a_refused_change_are_recorded_as_they_happened()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("history-merge", "leads:write");
        var kept = (await LeadsRows.PostAsync(client, "leads", new { name = "Алия", phone = "+7 701 000 1122", source = "olx" })).Id();
        var other = (await LeadsRows.PostAsync(client, "leads", new { name = "Алия 2", phone = "+7 702 000 1122", source = "olx" })).Id();
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{other}/status", new { status = "hot" });

        await LeadsRows.PostAsync(client, $"leads/{kept}/merge", new { lead_id = other });
        var refused = await client.PatchAsync($"/leads/api/leads/{kept}/status?status=new", null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["new>hot human/merge"], (await ChangesAsync(client, kept)).Select(Step));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/leads/{other}/status-history")).StatusCode);
    }

    [DatabaseFact]
    public async Task Another_organizations_lead_has_no_history_here_and_a_bad_id_is_422()
    {
        var (owner, _) = await server.ClientForNewOrganizationAsync("history-owner", "leads:write");
        var lead = (await LeadsRows.LeadAsync(owner)).Id();
        await LeadsRows.SendAsync(owner, HttpMethod.Patch, $"leads/{lead}/status", new { status = "contacted" });
        var (stranger, _) = await server.ClientForNewOrganizationAsync("history-stranger", "leads:write");

        var foreign = await stranger.GetAsync($"/leads/api/leads/{lead}/status-history");
        var unknown = await owner.GetAsync($"/leads/api/leads/{Guid.NewGuid()}/status-history");
        var notAnId = await owner.GetAsync("/leads/api/leads/abc/status-history");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("{\"detail\":\"Lead not found\"}", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnId.StatusCode);
        Assert.Equal("uuid_parsing", (await notAnId.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("type").GetString());
        Assert.Single(await ChangesAsync(owner, lead));
    }
}
