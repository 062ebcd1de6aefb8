using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Campaign and lead statuses follow their documented state machines; an impossible move is a 400 and changes nothing.</summary>
public sealed class LeadsStateMachineTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_campaign_goes_draft_active_paused_active_completed_and_no_further()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("campaign-machine", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);

        foreach (var status in new[] { "active", "paused", "active", "active", "completed" })
        {
            var moved = await LeadsRows.SendAsync(client, HttpMethod.Patch, $"campaigns/{campaign}/status", new { status });
            Assert.Equal(status, moved.GetProperty("status").GetString());
        }
        var before = await client.GetStringAsync($"/leads/api/campaigns/{campaign}");
        foreach (var status in new[] { "active", "draft", "paused", "failed" })
        {
            var refused = await client.PatchAsync($"/leads/api/campaigns/{campaign}/status?status={status}", null);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("'completed' is final", (await refused.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await client.GetStringAsync($"/leads/api/campaigns/{campaign}"));
    }

    [DatabaseFact]
    public async Task A_draft_campaign_cannot_be_paused_or_completed()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("draft-machine", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);

        var paused = await client.PatchAsync($"/leads/api/campaigns/{campaign}/status?status=paused", null);
        var completed = await client.PatchAsync($"/leads/api/campaigns/{campaign}/status?status=completed", null);

        Assert.Equal(HttpStatusCode.BadRequest, paused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, completed.StatusCode);
        Assert.Equal("""{"detail":"Campaign cannot move from 'draft' to 'paused'; allowed: active, failed"}""", await paused.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await LeadsRows.GetAsync(client, $"campaigns/{campaign}")).GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task A_lead_moves_through_the_funnel_and_won_is_final()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("lead-machine", "leads:write");
        var lead = (await LeadsRows.LeadAsync(client)).Id();

        foreach (var status in new[] { "contacted", "qualified", "hot", "won" })
        {
            Assert.Equal(status, (await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lead}/status", new { status })).GetProperty("status").GetString());
        }
        var before = await client.GetStringAsync($"/leads/api/leads/{lead}");
        foreach (var status in new[] { "new", "contacted", "lost", "spam" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync($"/leads/api/leads/{lead}/status?status={status}", null)).StatusCode);
        }
        Assert.Equal(before, await client.GetStringAsync($"/leads/api/leads/{lead}"));
    }

    [DatabaseFact]
    public async Task Spam_can_only_go_back_to_new_and_lost_can_be_reopened()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("spam-machine", "leads:write");
        var spam = (await LeadsRows.LeadAsync(client, phone: "+7 701 111 2233")).Id();
        var lost = (await LeadsRows.LeadAsync(client, phone: "+7 702 111 2233")).Id();
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{spam}/status", new { status = "spam" });
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lost}/status", new { status = "lost" });

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync($"/leads/api/leads/{spam}/status?status=qualified", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync($"/leads/api/leads/{lost}/status?status=won", null)).StatusCode);
        Assert.Equal("new", (await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{spam}/status", new { status = "new" })).GetProperty("status").GetString());
        Assert.Equal("contacted", (await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lost}/status", new { status = "contacted" })).GetProperty("status").GetString());
    }
}
