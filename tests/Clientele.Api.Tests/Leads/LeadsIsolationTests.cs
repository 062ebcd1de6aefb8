using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Events;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Organizations never see each other: another organization's ids answer 404 on every endpoint, lists are empty, events never arrive.</summary>
public sealed class LeadsIsolationTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    [DatabaseFact]
    public async Task Another_organizations_ids_are_404_everywhere_and_its_rows_stay_unchanged()
    {
        var (owner, _) = await server.ClientForNewOrganizationAsync("owner", "leads:write");
        var (other, _) = await server.ClientForNewOrganizationAsync("other", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(owner);
        var lead = (await LeadsRows.LeadAsync(owner, ad)).Id();
        var second = (await LeadsRows.LeadAsync(owner, phone: "+7 701 222 3344")).Id();
        await LeadsRows.PostAsync(owner, $"campaigns/{campaign}/spend", new { amount = 1000 });
        var before = await LeadsRows.SnapshotAsync(owner);

        var calls = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"niches/{niche}", null),
            (HttpMethod.Patch, $"niches/{niche}", new { name = "Чужая" }),
            (HttpMethod.Delete, $"niches/{niche}", null),
            (HttpMethod.Get, $"niches/{niche}/stats", null),
            (HttpMethod.Get, $"campaigns/{campaign}", null),
            (HttpMethod.Patch, $"campaigns/{campaign}", new { name = "Чужая" }),
            (HttpMethod.Patch, $"campaigns/{campaign}/status", new { status = "active" }),
            (HttpMethod.Delete, $"campaigns/{campaign}", null),
            (HttpMethod.Get, $"campaigns/{campaign}/ads", null),
            (HttpMethod.Post, $"campaigns/{campaign}/ads", new { title = "Чужое" }),
            (HttpMethod.Get, $"campaigns/{campaign}/spend", null),
            (HttpMethod.Post, $"campaigns/{campaign}/spend", new { amount = 5 }),
            (HttpMethod.Get, $"ads/{ad}", null),
            (HttpMethod.Patch, $"ads/{ad}", new { title = "Чужое" }),
            (HttpMethod.Delete, $"ads/{ad}", null),
            (HttpMethod.Get, $"leads/{lead}", null),
            (HttpMethod.Patch, $"leads/{lead}/status", new { status = "won" }),
            (HttpMethod.Get, $"leads/{lead}/messages", null),
            (HttpMethod.Post, $"leads/{lead}/messages", new { message = "Чужое", sender = "human" }),
            (HttpMethod.Post, $"leads/{lead}/merge", new { lead_id = second }),
        };
        foreach (var (method, path, body) in calls)
        {
            using var request = new HttpRequestMessage(method, $"/leads/api/{path}") { Content = body is null ? null : JsonContent.Create(body) };
            var response = await other.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }
        // Ids of another organization in a body are as absent as unknown ones.
        var (otherLead, _) = (await LeadsRows.LeadAsync(other, phone: "+7 705 000 1122"), 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsJsonAsync("/leads/api/leads", new { ad_id = ad, name = "x", source = "olx" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsJsonAsync("/leads/api/campaigns", new { niche_id = niche, name = "x", platform = "olx" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsJsonAsync($"/leads/api/leads/{otherLead.Id()}/merge", new { lead_id = lead })).StatusCode);
        // The same phone in another organization is another lead, not a duplicate.
        Assert.False((await LeadsRows.LeadAsync(other)).GetProperty("is_duplicate").GetBoolean());
        Assert.Equal("[]", await other.GetStringAsync("/leads/api/niches"));
        Assert.Equal("[]", await other.GetStringAsync("/leads/api/campaigns"));
        Assert.Equal(before, await LeadsRows.SnapshotAsync(owner));
    }

    [DatabaseFact]
    public async Task Events_reach_their_own_organization_only()
    {
        var (mine, organization) = await server.ClientForNewOrganizationAsync("ev-mine", "leads:write");
        var (theirs, _) = await server.ClientForNewOrganizationAsync("ev-theirs", "leads:write");
        using var socket = await EventSockets.ConnectWithKeyAsync(server, mine.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        await EventSockets.SubscribeAsync(socket, "leads.lead.created");

        // Theirs first: had it been sent to this socket it would arrive first.
        await LeadsRows.LeadAsync(theirs, name: "Чужой");
        await LeadsRows.LeadAsync(mine, name: "Свой");

        var received = await EventSockets.ReceiveJsonAsync(socket);
        Assert.Equal("leads.lead.created", received.GetProperty("event").GetString());
        Assert.Equal(organization.ToString(), received.GetProperty("organization").GetProperty("id").GetString());
        Assert.Equal("Свой", received.GetProperty("lead").GetProperty("name").GetString());
    }
}
