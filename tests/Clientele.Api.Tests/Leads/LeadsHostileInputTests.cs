using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Hostile input gets a 4xx in FastAPI's shape, never a 5xx, and nothing stored changes.</summary>
public sealed class LeadsHostileInputTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private const string Lead = """{"name":"Иван","phone":"+7 777 123 4567","source":"whatsapp","budget":15000.0}""";

    public static TheoryData<string, string, string?, string> Cases => new()
    {
        { "POST", "niches", """{"name":""", "application/json" },
        { "POST", "niches", """{"name":"X","category":"c","cpl_target":"cheap"}""", "application/json" },
        { "POST", "niches", """{"name":"X","category":"c","cpl_target":-5}""", "application/json" },
        { "POST", "niches", """{"name":"X","category":"c","roi_target":1e300}""", "application/json" },
        { "POST", "niches", """{"name":"X","category":"c","status":"flying"}""", "application/json" },
        { "POST", "niches", """{"name":"X\u0000Y","category":"c"}""", "application/json" },
        { "POST", "niches", """{"name":"\ud800","category":"c"}""", "application/json" },
        { "POST", "niches", "{\"name\":\"" + new string('Ж', 5000) + "\",\"category\":\"c\"}", "application/json" },
        { "POST", "niches", "[]", "application/json" },
        { "POST", "niches", """{"name":"X","category":"c"}""", "text/plain" },
        { "POST", "niches", "name=X&category=c", "application/x-www-form-urlencoded" },
        { "PATCH", "niches/{niche}", """{"status":"gone"}""", "application/json" },
        { "PATCH", "niches/not-a-uuid", """{"name":"X"}""", "application/json" },
        { "DELETE", "niches/123", null, "" },
        { "POST", "campaigns", """{"niche_id":"{niche}","name":"X","platform":"myspace","budget":1}""", "application/json" },
        { "POST", "campaigns", """{"niche_id":"nope","name":"X","platform":"olx"}""", "application/json" },
        { "POST", "campaigns", """{"niche_id":"{niche}","name":"X","platform":"olx","budget":-1}""", "application/json" },
        { "POST", "campaigns", """{"niche_id":"{niche}","name":"X","platform":"olx","start_date":"2024-13-40"}""", "application/json" },
        { "POST", "campaigns", """{"niche_id":"{niche}","name":"X","platform":"olx","start_date":"2024-12-20","end_date":"2024-11-20"}""", "application/json" },
        { "POST", "campaigns", """{"niche_id":"00000000-0000-0000-0000-000000000001","name":"X","platform":"olx"}""", "application/json" },
        { "PATCH", "campaigns/{campaign}/status", """{"status":"exploded"}""", "application/json" },
        { "PATCH", "campaigns/{campaign}/status", """{"status":5}""", "application/json" },
        { "PATCH", "campaigns/{campaign}/status", """{"status":""", "application/json" },
        { "PATCH", "campaigns/{campaign}/status", null, "" },
        { "PATCH", "campaigns/{campaign}", """{"platform":"kaspi"}""", "application/json" },
        { "DELETE", "campaigns/not-a-uuid", null, "" },
        { "DELETE", "campaigns/00000000-0000-0000-0000-000000000001", null, "" },
        { "POST", "campaigns/{campaign}/ads", """{"title":"X","price":1.001}""", "application/json" },
        { "POST", "campaigns/{campaign}/ads", """{"title":"X","status":"viral"}""", "application/json" },
        { "POST", "campaigns/{campaign}/spend", """{"amount":0}""", "application/json" },
        { "POST", "campaigns/{campaign}/spend", """{"amount":-100}""", "application/json" },
        { "POST", "campaigns/{campaign}/spend", """{"amount":1e20}""", "application/json" },
        { "POST", "campaigns/{campaign}/spend", """{"amount":100,"date":"2099-01-01"}""", "application/json" },
        { "POST", "campaigns/{campaign}/spend", """{"amount":100,"ad_id":"00000000-0000-0000-0000-000000000001"}""", "application/json" },
        { "POST", "leads", Lead.Replace("+7 777 123 4567", "123"), "application/json" },
        { "POST", "leads", Lead.Replace("+7 777 123 4567", "позвоните мне"), "application/json" },
        { "POST", "leads", Lead.Replace("whatsapp", "myspace"), "application/json" },
        { "POST", "leads", Lead.Replace("15000.0", "\"lots\""), "application/json" },
        { "POST", "leads", Lead.Replace("15000.0", "-1"), "application/json" },
        { "POST", "leads", Lead.Replace("\"name\":\"Иван\"", "\"name\":null"), "application/json" },
        { "POST", "leads", Lead.Replace("\"name\":\"Иван\",", "\"ad_id\":\"x\","), "application/json" },
        { "POST", "leads", Lead.Replace("\"name\":\"Иван\",", "\"name\":\"Иван\",\"ad_id\":\"00000000-0000-0000-0000-000000000001\","), "application/json" },
        { "POST", "leads", Lead, "text/plain" },
        { "PATCH", "leads/{lead}/status", """{"status":"married"}""", "application/json" },
        { "PATCH", "leads/{lead}/status?status=WON%00", null, "" },
        { "POST", "leads/{lead}/messages", """{"message":"","sender":"lead"}""", "application/json" },
        { "POST", "leads/{lead}/messages", """{"message":"Привет","sender":"robot"}""", "application/json" },
        { "POST", "leads/{lead}/messages", """{"message":"Привет","sender":"lead","platform":"icq"}""", "application/json" },
        { "POST", "leads/{lead}/messages", "{\"message\":\"" + new string('a', 5000) + "\",\"sender\":\"lead\"}", "application/json" },
        { "POST", "leads/{lead}/merge", """{}""", "application/json" },
        { "GET", "leads/not-a-uuid", null, "" },
        { "GET", "leads?status=closed", null, "" },
        { "GET", "leads?limit=-1", null, "" },
        { "GET", "leads?limit=100000", null, "" },
        { "GET", "leads?limit=abc", null, "" },
        { "GET", "leads?campaign_id=42", null, "" },
        { "GET", "niches?status=unknown", null, "" },
        { "GET", "campaigns?niche_id=abc", null, "" },
        { "GET", "campaigns?platform=myspace", null, "" },
        { "GET", "ads/%E2%82%AC", null, "" },
    };

    [DatabaseTheory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_a_4xx_in_fastapi_shape_and_nothing_changes(string method, string path, string? body, string contentType)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("hostile", "leads:write");
        var (niche, campaign, ad) = await LeadsRows.BasicsAsync(client);
        var lead = (await LeadsRows.LeadAsync(client, ad)).Id();
        var before = await LeadsRows.SnapshotAsync(client);
        string Fill(string text) => text.Replace("{niche}", niche).Replace("{campaign}", campaign).Replace("{lead}", lead);

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/leads/api/{Fill(path)}");
        if (body is not null)
        {
            request.Content = new StringContent(Fill(body), Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }
        var response = await client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((await response.ReadJsonAsync()).TryGetProperty("detail", out var detail), text);
        Assert.DoesNotContain("System.", detail.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await LeadsRows.SnapshotAsync(client));
    }
}
