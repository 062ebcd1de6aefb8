using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>New lead, status changes, new messages, merges and campaign status changes go out through the outbox to the organization's sockets.</summary>
public sealed class LeadsEventTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    [DatabaseFact]
    public async Task Lead_message_status_merge_and_campaign_events_arrive()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("events", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        using var socket = await EventSockets.ConnectWithKeyAsync(server, client.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        await EventSockets.SubscribeAsync(socket, "leads.lead.created", "leads.lead.status_changed", "leads.message.created", "leads.lead.merged",
            "leads.campaign.status_changed");

        var lead = await LeadsRows.LeadAsync(client);
        var other = await LeadsRows.LeadAsync(client, phone: "+7 701 333 4455");
        await client.PostAsJsonAsync($"/leads/api/leads/{lead.Id()}/messages", new { message = "Здравствуйте", sender = "human" });
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lead.Id()}/status", new { status = "qualified" });
        await LeadsRows.PostAsync(client, $"leads/{lead.Id()}/merge", new { lead_id = other.Id() });
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"campaigns/{campaign}/status", new { status = "active" });

        var received = new List<JsonElement>();
        while (!received.Any(e => e.GetProperty("event").GetString() == "leads.campaign.status_changed"))
        {
            received.Add(await EventSockets.ReceiveJsonAsync(socket));
        }
        var types = received.Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Equal(2, types.Count(t => t == "leads.lead.created"));
        Assert.Contains("leads.message.created", types);
        Assert.Contains("leads.lead.merged", types);
        var changed = received.First(e => e.GetProperty("event").GetString() == "leads.lead.status_changed" && e.GetProperty("changed_by").GetString() == "human");
        Assert.Equal("qualified", changed.GetProperty("lead").GetProperty("status").GetString());
        var merged = received.Single(e => e.GetProperty("event").GetString() == "leads.lead.merged");
        Assert.Equal(other.Id(), merged.GetProperty("merged_lead_id").GetString());
        var campaignChanged = received.Single(e => e.GetProperty("event").GetString() == "leads.campaign.status_changed");
        Assert.Equal("draft", campaignChanged.GetProperty("previous_status").GetString());
    }
}
