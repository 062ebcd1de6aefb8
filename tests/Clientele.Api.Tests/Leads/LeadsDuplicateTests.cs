using System.Net;
using System.Net.Http.Json;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>A repeat contact from the same phone joins the open lead; merging two leads keeps both conversations.</summary>
public sealed class LeadsDuplicateTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    [DatabaseFact]
    public async Task The_same_phone_in_another_spelling_joins_the_open_lead()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("dup", "leads:write");
        var first = await LeadsRows.LeadAsync(client, phone: "+7 777 123 4567");

        var again = await LeadsRows.PostAsync(client, "leads", new { name = "Иван", phone = "8 (777) 123-45-67", source = "olx", notes = "Второе обращение" });
        var other = await LeadsRows.LeadAsync(client, phone: "+7 777 765 4321");

        Assert.True(again.GetProperty("is_duplicate").GetBoolean());
        Assert.Equal(first.Id(), again.Id());
        Assert.Equal("Второе обращение", again.GetProperty("notes").GetString());
        Assert.False(other.GetProperty("is_duplicate").GetBoolean());
        Assert.Equal(2, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
        Assert.Equal(first.Id(), (await LeadsRows.GetAsync(client, "leads?phone=87771234567"))[0].Id());
    }

    [DatabaseFact]
    public async Task A_closed_lead_is_not_joined_a_new_one_starts()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("dup-closed", "leads:write");
        var first = await LeadsRows.LeadAsync(client);
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{first.Id()}/status", new { status = "won" });

        var again = await LeadsRows.LeadAsync(client);

        Assert.False(again.GetProperty("is_duplicate").GetBoolean());
        Assert.NotEqual(first.Id(), again.Id());
    }

    [DatabaseFact]
    public async Task Merging_keeps_both_conversations_the_earliest_date_and_the_furthest_status()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("merge", "leads:write");
        var older = await LeadsRows.LeadAsync(client, phone: "+7 701 555 1234", name: "Айгерим");
        var newer = await LeadsRows.PostAsync(client, "leads", new { name = "Айгерим А.", source = "telegram", platform_user_id = "55501" });
        await client.PostAsJsonAsync($"/leads/api/leads/{older.Id()}/messages", new { message = "Первое сообщение", sender = "human" });
        await client.PostAsJsonAsync($"/leads/api/leads/{newer.Id()}/messages", new { message = "Второе сообщение", sender = "human", platform = "telegram" });
        await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{newer.Id()}/status", new { status = "qualified" });

        var merged = await LeadsRows.PostAsync(client, $"leads/{newer.Id()}/merge", new { lead_id = older.Id() });

        Assert.Equal(newer.Id(), merged.Id());
        Assert.Equal(older.GetProperty("created_at").GetString(), merged.GetProperty("created_at").GetString());
        Assert.Equal("qualified", merged.GetProperty("status").GetString());
        Assert.Equal("+7 701 555 1234", merged.GetProperty("phone").GetString());
        Assert.Equal(["Первое сообщение", "Второе сообщение"], merged.GetProperty("conversations").EnumerateArray().Select(m => m.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/leads/{older.Id()}")).StatusCode);
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_lead_cannot_be_merged_into_itself_or_with_an_unknown_lead()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("merge-bad", "leads:write");
        var lead = await LeadsRows.LeadAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/leads/api/leads/{lead.Id()}/merge", new { lead_id = lead.Id() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/leads/api/leads/{lead.Id()}/merge", new { lead_id = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync($"/leads/api/leads/{lead.Id()}/merge", new { lead_id = "x" })).StatusCode);
    }
}

/// <summary>The window is configuration: with 0 days every contact is a new lead.</summary>
public sealed class LeadsDuplicateWindowTests(DatabaseServers<LeadsDuplicateWindowTests.NoWindowServer> servers)
    : IClassFixture<DatabaseServers<LeadsDuplicateWindowTests.NoWindowServer>>
{
    public sealed class NoWindowServer : ClienteleFactory
    {
        public NoWindowServer(DatabaseKind kind) : base(kind) => Settings["Clientele:Leads:DuplicateWindowDays"] = "0";
    }

    [DatabaseFact]
    public async Task With_a_zero_day_window_a_repeat_contact_is_a_new_lead()
    {
        var (client, _) = await servers.Current.ClientForNewOrganizationAsync("no-window", "leads:write");
        var first = await LeadsRows.LeadAsync(client);

        var again = await LeadsRows.LeadAsync(client);

        Assert.False(again.GetProperty("is_duplicate").GetBoolean());
        Assert.NotEqual(first.Id(), again.Id());
    }
}
