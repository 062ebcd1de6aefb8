using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Offers;
using Clientele.Testing;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>Seed 000's recommend endpoint and the offers, CSV and export extensions, against the imported case data.</summary>
public class RecommendationApiTests(DatabaseServers<RecommendationServer> servers) : IClassFixture<DatabaseServers<RecommendationServer>>
{
    private readonly RecommendationServer server = servers.Current;

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [DatabaseFact]
    public async Task Recommend_for_client_one_gives_exactly_product_and_push()
    {
        var response = await server.RequireClient().PostAsync("/banking/api/recommend", JsonBody("""{"client_code": 1}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["product", "push_notification"], body.EnumerateObject().Select(p => p.Name));
        Assert.Contains(body.GetProperty("product").GetString(), Products.All);
        Assert.StartsWith("Айгерим,", body.GetProperty("push_notification").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Offers_list_all_ten_products_ranked_with_a_clean_push()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/clients/1/offers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var offers = body.GetProperty("offers").EnumerateArray().ToList();
        Assert.Equal(10, offers.Count);
        Assert.Equal(Products.All.Order(), offers.Select(o => o.GetProperty("product").GetString()!).Order());
        Assert.Equal(Enumerable.Range(1, 10), offers.Select(o => o.GetProperty("rank").GetInt32()));
        Assert.All(offers, o =>
        {
            Assert.Equal(JsonValueKind.Number, o.GetProperty("benefit_kzt_per_month").ValueKind);
            Assert.Contains(o.GetProperty("eligible").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.Equal(JsonValueKind.Number, o.GetProperty("score").ValueKind);
            Assert.Equal(JsonValueKind.Array, o.GetProperty("evidence").ValueKind);
        });
        Assert.StartsWith("Айгерим,", body.GetProperty("push_notification").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(body.GetProperty("push_findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");

        var recommended = await (await server.RequireClient().PostAsync("/banking/api/recommend", JsonBody("""{"client_code":1}"""))).ReadJsonAsync();
        Assert.Equal(recommended.GetProperty("product").GetString(), offers[0].GetProperty("product").GetString());
        Assert.Equal(recommended.GetProperty("push_notification").GetString(), body.GetProperty("push_notification").GetString());
    }

    [DatabaseFact]
    public async Task The_csv_is_the_case_deliverable_for_every_client()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/recommendations.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var records = Rfc4180.Parse(text);
        Assert.Equal(61, records.Count);
        Assert.Equal(["client_code", "product", "push_notification"], records[0]);
        Assert.Equal(Enumerable.Range(1, 60), records.Skip(1).Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(records.Skip(1), r =>
        {
            Assert.Equal(3, r.Count);
            Assert.Contains(r[1], Products.All);
            Assert.False(string.IsNullOrWhiteSpace(r[2]));
        });
        Assert.StartsWith("Айгерим,", records[1][2], StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_top_four_csv_has_four_distinct_products_per_client()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/recommendations.csv?top=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(241, records.Count);
        var byClient = records.Skip(1).GroupBy(r => r[0]).ToList();
        Assert.Equal(60, byClient.Count);
        Assert.All(byClient, g =>
        {
            Assert.Equal(4, g.Select(r => r[1]).Distinct().Count());
            Assert.All(g, r => Assert.Contains(r[1], Products.All));
        });
    }

    [DatabaseTheory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("abc")]
    public async Task A_bad_top_is_422(string top)
    {
        var response = await server.RequireClient().GetAsync($"/banking/api/recommendations.csv?top={top}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("top", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task The_export_job_writes_the_same_file_as_the_direct_csv()
    {
        var client = server.RequireClient();
        var direct = await (await client.GetAsync("/banking/api/recommendations.csv?top=4")).Content.ReadAsByteArrayAsync();

        var response = await client.PostAsync("/banking/api/recommendations/export", JsonBody("""{"top": 4}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        Assert.Equal(["task_id", "status", "message"], accepted.EnumerateObject().Select(p => p.Name));
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var id = accepted.GetProperty("task_id").GetString()!;
        var job = await JobsServer.WaitForJobAsync(client, id, JobsServer.IsFinished);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetInt32());
        Assert.Equal(60, job.GetProperty("result").GetProperty("clients").GetInt32());
        Assert.Equal(240, job.GetProperty("result").GetProperty("rows").GetInt32());

        var download = await client.GetAsync($"/banking/api/recommendations/exports/{id}.csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(direct, await download.Content.ReadAsByteArrayAsync());
    }

    [DatabaseFact]
    public async Task An_export_without_a_body_gives_one_row_per_client()
    {
        var client = server.RequireClient();
        var direct = await (await client.GetAsync("/banking/api/recommendations.csv")).Content.ReadAsStringAsync();

        var response = await client.PostAsync("/banking/api/recommendations/export", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        Assert.Equal("succeeded", (await JobsServer.WaitForJobAsync(client, id, JobsServer.IsFinished)).GetProperty("status").GetString());
        Assert.Equal(direct, await (await client.GetAsync($"/banking/api/recommendations/exports/{id}.csv")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Another_organization_cannot_download_an_export()
    {
        var client = server.RequireClient();
        var id = (await (await client.PostAsync("/banking/api/recommendations/export", JsonBody("{}"))).ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await JobsServer.WaitForJobAsync(client, id, JobsServer.IsFinished);
        var (other, _) = await server.ClientForNewOrganizationAsync("other", "banking:write");

        var response = await other.GetAsync($"/banking/api/recommendations/exports/{id}.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"detail":"Export not found"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/banking/api/recommendations/exports/{Guid.NewGuid()}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/banking/api/recommendations/exports/nonsense.csv")).StatusCode);
    }

    [DatabaseFact]
    public async Task Export_needs_write_access_and_a_valid_top()
    {
        server.RequireClient();
        var (reader, _) = await server.ClientForNewOrganizationAsync("reader", "banking:read");

        var forbidden = await reader.PostAsync("/banking/api/recommendations/export", null);
        var badTop = await server.RequireClient().PostAsync("/banking/api/recommendations/export", JsonBody("""{"top": 20}"""));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTop.StatusCode);
        Assert.Equal("""["body","top"]""", (await badTop.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }
}
