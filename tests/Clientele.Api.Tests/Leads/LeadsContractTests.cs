using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Seed 004's examples as written (cURL, httpx, fetch bodies), only the base URL changed to <c>/leads</c>.</summary>
public sealed class LeadsContractTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [DatabaseFact]
    public async Task Health_reports_the_database_and_redis_as_they_are()
    {
        var health = await (await server.CreateClient().GetAsync("/leads/api/health")).ReadJsonAsync();

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("connected", health.GetProperty("services").GetProperty("database").GetString());
        Assert.Equal("not_configured", health.GetProperty("services").GetProperty("redis").GetString());
        Assert.Equal("0.1.0", health.GetProperty("version").GetString());
    }

    [DatabaseFact]
    public async Task The_curl_examples_create_a_niche_a_campaign_and_a_lead()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("curl", "leads:write");

        var nicheResponse = await client.PostAsync("/leads/api/niches", Json("""
            {
              "name": "Ремонт ноутбуков",
              "category": "electronics_repair",
              "description": "Быстрый ремонт ноутбуков",
              "cpl_target": 500.0,
              "roi_target": 300.0
            }
            """));
        Assert.Equal(HttpStatusCode.OK, nicheResponse.StatusCode);
        var nicheText = await nicheResponse.Content.ReadAsStringAsync();
        var niche = JsonDocument.Parse(nicheText).RootElement;
        Assert.Equal("research", niche.GetProperty("status").GetString());
        Assert.Contains("\"cpl_target\":500.0", nicheText, StringComparison.Ordinal);
        Assert.Contains("\"roi_target\":300.0", nicheText, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(niche.Id(), out _));
        Assert.EndsWith("Z", niche.GetProperty("created_at").GetString(), StringComparison.Ordinal);

        var campaignResponse = await client.PostAsync("/leads/api/campaigns", Json($$"""
            {
              "niche_id": "{{niche.Id()}}",
              "name": "OLX Алматы - Ремонт ноутбуков",
              "platform": "olx",
              "budget": 50000.0
            }
            """));
        var campaignText = await campaignResponse.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, campaignResponse.StatusCode);
        var campaign = JsonDocument.Parse(campaignText).RootElement;
        Assert.Equal("draft", campaign.GetProperty("status").GetString());
        Assert.Contains("\"budget\":50000.0,\"spent\":0.0,\"ads_count\":0,\"leads_count\":0", campaignText, StringComparison.Ordinal);

        var lead = await (await client.PostAsync("/leads/api/leads", Json("""
            {
              "name": "Иван Иванов",
              "phone": "+7 777 123 4567",
              "source": "whatsapp",
              "budget": 15000.0
            }
            """))).ReadJsonAsync();
        Assert.Equal("Иван Иванов", lead.GetProperty("name").GetString());
        Assert.Equal("+7 777 123 4567", lead.GetProperty("phone").GetString());
        Assert.Equal("whatsapp", lead.GetProperty("source").GetString());
        Assert.Equal("new", lead.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, lead.GetProperty("quality_score").ValueKind);
        Assert.False(lead.GetProperty("is_duplicate").GetBoolean());
    }

    [DatabaseFact]
    public async Task The_full_bodies_of_the_seed_work_and_trailing_slashes_are_served_alike()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("full", "leads:write");
        var niche = await LeadsRows.PostAsync(client, "niches/", new { name = "Ремонт ноутбуков", category = "electronics_repair", cpl_target = 500.0 });
        var campaign = await LeadsRows.PostAsync(client, "campaigns/", new
        {
            niche_id = niche.Id(), name = "OLX Алматы - Ремонт ноутбуков", platform = "olx", budget = 50000.0, start_date = "2024-11-20", end_date = "2024-12-20",
        });
        var ad = await LeadsRows.PostAsync(client, $"campaigns/{campaign.Id()}/ads", new { title = "Ремонт MacBook" });
        var lead = await LeadsRows.PostAsync(client, "leads/", new
        {
            ad_id = ad.Id(), name = "Иван Иванов", phone = "+7 777 123 4567", source = "whatsapp", platform_user_id = "user123", budget = 15000.0,
            notes = "Интересуется ремонтом MacBook",
        });

        Assert.Equal("2024-11-20", campaign.GetProperty("start_date").GetString());
        Assert.Equal(campaign.Id(), lead.GetProperty("campaign_id").GetString());
        Assert.Equal(niche.Id(), lead.GetProperty("niche_id").GetString());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads")).GetArrayLength());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads/")).GetArrayLength());
        Assert.Equal(niche.Id(), (await LeadsRows.GetAsync(client, $"niches/{niche.Id()}")).Id());
    }

    [DatabaseFact]
    public async Task Niches_list_filter_patch_and_delete_as_the_seed_shows()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("niches", "leads:write");
        var first = await LeadsRows.PostAsync(client, "niches", new { name = "Ремонт ноутбуков", category = "electronics_repair", cpl_target = 500.0 });
        await LeadsRows.PostAsync(client, "niches", new { name = "Кухни", category = "furniture" });

        var patched = await LeadsRows.SendAsync(client, HttpMethod.Patch, $"niches/{first.Id()}",
            new { name = "Ремонт ноутбуков и компьютеров", status = "active", cpl_target = 450.0 });
        Assert.Equal("Ремонт ноутбуков и компьютеров", patched.GetProperty("name").GetString());
        Assert.Equal(450.0m, patched.GetProperty("cpl_target").GetDecimal());

        var active = await LeadsRows.GetAsync(client, "niches?status=active");
        Assert.Equal([first.Id()], active.EnumerateArray().Select(n => n.Id()));
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "niches?limit=1")).GetArrayLength());
        Assert.Equal(2, (await LeadsRows.GetAsync(client, "niches")).GetArrayLength());

        var deleted = await LeadsRows.SendAsync(client, HttpMethod.Delete, $"niches/{first.Id()}");
        Assert.Equal("Ниша удалена", deleted.GetProperty("message").GetString());
        Assert.Equal(first.Id(), deleted.Id());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/niches/{first.Id()}")).StatusCode);
        Assert.Equal("""{"detail":"Niche not found"}""", await (await client.GetAsync($"/leads/api/niches/{first.Id()}")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Campaign_stats_follow_the_seed_example_cpl_1250_and_conversion_33_3()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("stats", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(client);
        await LeadsRows.PostAsync(client, $"campaigns/{campaign}/spend", new { amount = 10000.0, ad_id = ad, note = "OLX топ" });
        await LeadsRows.PostAsync(client, $"campaigns/{campaign}/spend", new { amount = 5000.0 });
        for (var i = 0; i < 12; i++)
        {
            var lead = await LeadsRows.LeadAsync(client, ad, $"+7 701 000 00 {i:00}", $"Лид {i}");
            if (i < 4)
            {
                await LeadsRows.SendAsync(client, HttpMethod.Patch, $"leads/{lead.Id()}/status", new { status = "qualified" });
            }
        }

        var text = await client.GetStringAsync($"/leads/api/campaigns/{campaign}");
        var detail = JsonDocument.Parse(text).RootElement;

        Assert.Contains("\"stats\":{\"total_leads\":12,\"qualified_leads\":4,\"cpl\":1250.0,\"conversion_rate\":33.3", text, StringComparison.Ordinal);
        Assert.Equal(15000.0m, detail.GetProperty("spent").GetDecimal());
        Assert.Equal(1, detail.GetProperty("ads_count").GetInt32());
        Assert.Equal(12, detail.GetProperty("leads_count").GetInt32());
        var list = await LeadsRows.GetAsync(client, $"campaigns?niche_id={niche}&platform=olx");
        Assert.Equal(12, list[0].GetProperty("leads_count").GetInt32());
        Assert.Equal(0, (await LeadsRows.GetAsync(client, "campaigns?platform=kaspi")).GetArrayLength());
        var adView = await LeadsRows.GetAsync(client, $"ads/{ad}");
        Assert.Equal(10000.0m, adView.GetProperty("spent").GetDecimal());
        Assert.Equal(12, adView.GetProperty("leads_count").GetInt32());

        var nicheStats = await LeadsRows.GetAsync(client, $"niches/{niche}/stats");
        Assert.Equal(1250.0m, nicheStats.GetProperty("cpl").GetDecimal());
        Assert.False(nicheStats.GetProperty("cpl_on_target").GetBoolean());
        Assert.Equal("stop", nicheStats.GetProperty("verdict").GetString());
    }

    [DatabaseFact]
    public async Task Status_updates_take_the_json_body_or_the_query_string()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("status", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var lead = await LeadsRows.LeadAsync(client);

        var byBody = await client.PatchAsync($"/leads/api/campaigns/{campaign}/status", Json("""{"status": "active"}"""));
        var byQuery = await client.PatchAsync($"/leads/api/campaigns/{campaign}/status?status=paused", null);
        var leadByBody = await client.PatchAsync($"/leads/api/leads/{lead.Id()}/status", Json("""{"status": "qualified"}"""));
        var leadByQuery = await client.PatchAsync($"/leads/api/leads/{lead.Id()}/status?status=hot", null);
        var invalid = await client.PatchAsync($"/leads/api/leads/{lead.Id()}/status", Json("""{"status": "closed"}"""));

        Assert.Equal("active", (await byBody.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("paused", (await byQuery.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("qualified", (await leadByBody.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("hot", (await leadByQuery.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.StartsWith("Invalid status. Must be one of: new, contacted", (await invalid.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Leads_list_by_status_and_source_and_messages_come_back_as_the_seed_shows()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("messages", "leads:write");
        var lead = await LeadsRows.LeadAsync(client);
        await LeadsRows.PostAsync(client, "leads", new { name = "Асель", phone = "87011234567", source = "telegram" });

        var posted = await (await client.PostAsJsonAsync($"/leads/api/leads/{lead.Id()}/messages",
            new { message = "Здравствуйте, интересует ремонт MacBook", sender = "human", platform = "whatsapp" })).ReadJsonAsync();
        var messages = await LeadsRows.GetAsync(client, $"leads/{lead.Id()}/messages");
        var detail = await LeadsRows.GetAsync(client, $"leads/{lead.Id()}");

        Assert.Equal(lead.Id(), posted.GetProperty("lead_id").GetString());
        Assert.Equal("human", posted.GetProperty("sender").GetString());
        Assert.Equal("whatsapp", posted.GetProperty("platform").GetString());
        Assert.Equal(lead.Id(), messages.GetProperty("lead_id").GetString());
        Assert.Equal("Здравствуйте, интересует ремонт MacBook", messages.GetProperty("messages")[0].GetProperty("message").GetString());
        Assert.Equal(posted.Id(), detail.GetProperty("conversations")[0].Id());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads?source=telegram")).GetArrayLength());
        Assert.Equal("+7 701 123 4567", (await LeadsRows.GetAsync(client, "leads?source=telegram"))[0].GetProperty("phone").GetString());
        Assert.Equal(0, (await LeadsRows.GetAsync(client, "leads?status=won")).GetArrayLength());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, "leads?limit=1")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task Deleting_a_niche_deletes_its_campaigns_and_ads_and_keeps_its_leads_unattributed()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("niche-delete", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(client);
        await LeadsRows.PostAsync(client, $"campaigns/{campaign}/spend", new { amount = 1000, ad_id = ad });
        var lead = await LeadsRows.LeadAsync(client, ad);
        await client.PostAsJsonAsync($"/leads/api/leads/{lead.Id()}/messages", new { message = "Здравствуйте", sender = "human" });

        await LeadsRows.SendAsync(client, HttpMethod.Delete, $"niches/{niche}");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/campaigns/{campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/ads/{ad}")).StatusCode);
        var kept = await LeadsRows.GetAsync(client, $"leads/{lead.Id()}");
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("campaign_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("ad_id").ValueKind);
        Assert.Single(kept.GetProperty("conversations").EnumerateArray());
    }

    [DatabaseFact]
    public async Task Deleting_a_campaign_deletes_its_ads_and_spend_and_keeps_its_leads_in_the_niche()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("campaign-delete", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(client);
        var kept = await LeadsRows.PostAsync(client, "campaigns", new { niche_id = niche, name = "Kaspi Алматы", platform = "kaspi", budget = 1000.0 });
        await LeadsRows.PostAsync(client, $"campaigns/{campaign}/spend", new { amount = 1000, ad_id = ad });
        await LeadsRows.PostAsync(client, $"campaigns/{kept.Id()}/spend", new { amount = 300 });
        var byAd = await LeadsRows.LeadAsync(client, ad);
        var byCampaign = await LeadsRows.PostAsync(client, "leads", new { campaign_id = campaign, name = "Асель", phone = "+7 701 555 6677", source = "olx" });
        await client.PostAsJsonAsync($"/leads/api/leads/{byAd.Id()}/messages", new { message = "Здравствуйте", sender = "human" });

        var deleted = await LeadsRows.SendAsync(client, HttpMethod.Delete, $"campaigns/{campaign}/");

        Assert.Equal($$"""{"message":"Кампания удалена","id":"{{campaign}}"}""", deleted.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/campaigns/{campaign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/leads/api/ads/{ad}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/leads/api/campaigns/{campaign}"))).StatusCode);
        foreach (var lead in new[] { byAd, byCampaign })
        {
            var row = await LeadsRows.GetAsync(client, $"leads/{lead.Id()}");
            Assert.Equal(JsonValueKind.Null, row.GetProperty("campaign_id").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("ad_id").ValueKind);
            Assert.Equal(niche, row.GetProperty("niche_id").GetString());
        }
        Assert.Single((await LeadsRows.GetAsync(client, $"leads/{byAd.Id()}")).GetProperty("conversations").EnumerateArray());
        Assert.Equal(2, (await LeadsRows.GetAsync(client, $"leads?niche_id={niche}")).GetArrayLength());
        var stats = await LeadsRows.GetAsync(client, $"niches/{niche}/stats");
        Assert.Equal(1, stats.GetProperty("campaigns").GetInt32());
        Assert.Equal(300m, stats.GetProperty("spent").GetDecimal());
        Assert.Equal(1, (await LeadsRows.GetAsync(client, $"campaigns/{kept.Id()}/spend")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task An_unknown_ad_id_is_a_400_and_no_lead_is_stored()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("unknown-ad", "leads:write");
        var missing = Guid.NewGuid();

        var response = await client.PostAsJsonAsync("/leads/api/leads", new { ad_id = missing, name = "Иван", phone = "+7 777 123 4567", source = "olx" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($$"""{"detail":"Ad {{missing}} not found"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("[]", await client.GetStringAsync("/leads/api/leads"));
    }
}
