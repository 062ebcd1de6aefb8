using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Leads.Data;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Leads;

/// <summary>Idempotency-Key on creating POSTs: the first answer again for the same request, 409 for another, per organization, in the database.</summary>
public sealed class LeadsIdempotencyTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private static readonly object Lead = new { name = "Иван", phone = "+7 777 123 4567", source = "whatsapp", budget = 15000.0 };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/{path}") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }
        return await client.SendAsync(request);
    }

    [DatabaseFact]
    public async Task The_same_key_answers_the_first_response_and_creates_nothing_more()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-same", "leads:write");

        var first = await PostAsync(client, "leads", "order-1", Lead);
        var second = await PostAsync(client, "leads/", "order-1", Lead);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.False(JsonDocument.Parse(body).RootElement.GetProperty("is_duplicate").GetBoolean());
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType!.ToString());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
        // Without a key the same request is the seed's behaviour: it joins the open lead.
        Assert.True((await LeadsRows.LeadAsync(client, name: "Иван")).GetProperty("is_duplicate").GetBoolean());
    }

    [DatabaseFact]
    public async Task Niches_campaigns_ads_and_spend_replay_too()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-others", "leads:write");
        var niche = new { name = "Ремонт", category = "electronics_repair" };
        var nicheBody = await (await PostAsync(client, "niches", "n-1", niche)).Content.ReadAsStringAsync();
        Assert.Equal(nicheBody, await (await PostAsync(client, "niches", "n-1", niche)).Content.ReadAsStringAsync());
        var nicheId = JsonDocument.Parse(nicheBody).RootElement.Id();
        var campaign = new { niche_id = nicheId, name = "OLX", platform = "olx" };
        var campaignBody = await (await PostAsync(client, "campaigns", "c-1", campaign)).Content.ReadAsStringAsync();
        Assert.Equal(campaignBody, await (await PostAsync(client, "campaigns", "c-1", campaign)).Content.ReadAsStringAsync());
        var campaignId = JsonDocument.Parse(campaignBody).RootElement.Id();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"campaigns/{campaignId}/ads", "a-1", new { title = "Ремонт за день" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"campaigns/{campaignId}/ads", "a-1", new { title = "Ремонт за день" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"campaigns/{campaignId}/spend", "s-1", new { amount = 500 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, $"campaigns/{campaignId}/spend", "s-1", new { amount = 500 })).StatusCode);

        Assert.Equal(1, (await LeadsRows.GetAsync(client, "niches")).GetArrayLength());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "campaigns")).GetArrayLength());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, $"campaigns/{campaignId}/ads")).GetArrayLength());
        Assert.Equal(500m, (await LeadsRows.GetAsync(client, $"campaigns/{campaignId}")).GetProperty("spent").GetDecimal());
    }

    [DatabaseFact]
    public async Task The_same_key_with_another_request_is_a_409_and_nothing_changes()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-conflict", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        await PostAsync(client, "leads", "k-1", Lead);
        var before = await LeadsRows.SnapshotAsync(client);

        var otherBody = await PostAsync(client, "leads", "k-1", new { name = "Пётр", phone = "+7 701 222 3344", source = "olx" });
        var otherEndpoint = await PostAsync(client, $"campaigns/{campaign}/spend", "k-1", new { amount = 100 });

        foreach (var response in new[] { otherBody, otherEndpoint })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("""{"detail":"Idempotency-Key 'k-1' was already used with a different request"}""", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await LeadsRows.SnapshotAsync(client));
    }

    [DatabaseFact]
    public async Task Keys_belong_to_one_organization()
    {
        var (mine, _) = await server.ClientForNewOrganizationAsync("idem-mine", "leads:write");
        var (theirs, _) = await server.ClientForNewOrganizationAsync("idem-theirs", "leads:write");

        var first = await (await PostAsync(mine, "leads", "shared-key", Lead)).ReadJsonAsync();
        var other = await PostAsync(theirs, "leads", "shared-key", new { name = "Асель", phone = "+7 705 111 2233", source = "olx" });

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Id(), (await other.ReadJsonAsync()).Id());
        Assert.Equal(1, (await LeadsRows.GetAsync(theirs, "leads")).GetArrayLength());
        Assert.Equal("Иван", (await LeadsRows.GetAsync(mine, "leads"))[0].GetProperty("name").GetString());
    }

    [DatabaseFact]
    public async Task Requests_with_one_key_at_once_create_one_lead_and_get_one_answer()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-race", "leads:write");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(client, "leads", "race", Lead)));

        var bodies = new List<string>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                bodies.Add(await response.Content.ReadAsStringAsync());
            }
        }
        Assert.NotEmpty(bodies);
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_refused_request_leaves_the_key_free_and_a_bad_key_is_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("idem-refused", "leads:write");

        var refused = await PostAsync(client, "leads", "fix-me", new { name = "Иван", phone = "123", source = "whatsapp" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("[]", await client.GetStringAsync("/leads/api/leads"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "leads", "fix-me", Lead)).StatusCode);

        foreach (var key in new[] { "has space", new string('k', 256), "ключ" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/leads/api/leads")
            {
                Content = new StringContent("""{"name":"Пётр","phone":"+7 701 222 3344","source":"olx"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"'{key}': {(int)response.StatusCode}");
            var detail = (await response.ReadJsonAsync()).GetProperty("detail")[0];
            Assert.Equal("""["header","Idempotency-Key"]""", detail.GetProperty("loc").GetRawText());
        }
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_key_older_than_the_window_is_free_again()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("idem-expired", "leads:write");
        var first = await (await PostAsync(client, "leads", "old", Lead)).ReadJsonAsync();
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var db = scope.ServiceProvider.GetRequiredService<LeadsDbContext>();
            var key = await db.IdempotencyKeys.SingleAsync(k => k.Key == "old");
            key.CreatedAt = key.CreatedAt.AddHours(-25);
            await db.SaveChangesAsync();
        }

        var again = await (await PostAsync(client, "leads", "old", Lead)).ReadJsonAsync();

        Assert.Equal(first.Id(), again.Id());
        Assert.True(again.GetProperty("is_duplicate").GetBoolean());
    }
}
