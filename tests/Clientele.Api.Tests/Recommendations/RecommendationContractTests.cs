using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>The recommendation API's errors, isolation and invariances on generated data: they run without the shared case data.</summary>
public class RecommendationContractTests(DatabaseServers<GeneratedBankServer> servers) : IClassFixture<DatabaseServers<GeneratedBankServer>>
{
    private readonly GeneratedBankServer server = servers.Current;

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [DatabaseFact]
    public async Task An_unknown_client_is_404_in_fastapi_shape()
    {
        var (client, _, _) = await server.ImportedAsync("contract-404", new GeneratedBank(5).Files());

        var recommend = await client.PostAsync("/banking/api/recommend", JsonBody("""{"client_code": 999}"""));
        var offers = await client.GetAsync("/banking/api/clients/999/offers");

        Assert.Equal(HttpStatusCode.NotFound, recommend.StatusCode);
        Assert.Equal("""{"detail":"Client not found"}""", await recommend.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, offers.StatusCode);
        Assert.Equal("""{"detail":"Client not found"}""", await offers.Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    [InlineData("{}")]
    [InlineData("""{"client_code":"abc"}""")]
    [InlineData("""{"client_code":1.5}""")]
    [InlineData("""{"client_code":null}""")]
    [InlineData("not json")]
    [InlineData("[1]")]
    public async Task A_malformed_recommend_body_is_422_in_fastapi_shape(string json)
    {
        var (client, _, _) = await server.ImportedAsync("contract-422", new GeneratedBank(3).Files());

        var response = await client.PostAsync("/banking/api/recommend", JsonBody(json));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.ReadJsonAsync()).GetProperty("detail").ValueKind);
    }

    [DatabaseFact]
    public async Task A_malformed_client_code_in_the_offers_path_is_422()
    {
        var (client, _, _) = await server.ImportedAsync("contract-path", new GeneratedBank(3).Files());

        var response = await client.GetAsync("/banking/api/clients/abc/offers");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("""["path","client_code"]""", (await response.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }

    [DatabaseFact]
    public async Task Another_organizations_clients_are_not_found()
    {
        var (ours, _, _) = await server.ImportedAsync("contract-ours", new GeneratedBank(4).Files());
        var (theirs, _, _) = await server.ImportedAsync("contract-theirs", new GeneratedBank(4, seed: 5).Files(codeOf: c => c.Code + 100));

        Assert.Equal(HttpStatusCode.NotFound, (await ours.PostAsync("/banking/api/recommend", JsonBody("""{"client_code": 101}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.PostAsync("/banking/api/recommend", JsonBody("""{"client_code": 1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.GetAsync("/banking/api/clients/101/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await theirs.PostAsync("/banking/api/recommend", JsonBody("""{"client_code": 101}"""))).StatusCode);
    }

    [DatabaseFact]
    public async Task Shuffled_rows_renamed_clients_and_new_codes_give_exactly_the_same_rankings()
    {
        var bank = new GeneratedBank(30);
        var (plain, _, _) = await server.ImportedAsync("invariance-plain", bank.Files());
        var (relabelled, _, _) = await server.ImportedAsync("invariance-relabelled",
            bank.Files(codeOf: c => 9_000 - c.Code * 7, nameOf: c => $"Клиент{c.Code}", shuffleSeed: 42));

        foreach (var original in bank.Clients)
        {
            var expected = Rankings(await (await plain.GetAsync($"/banking/api/clients/{original.Code}/offers")).ReadJsonAsync());
            var actual = Rankings(await (await relabelled.GetAsync($"/banking/api/clients/{9_000 - original.Code * 7}/offers")).ReadJsonAsync());
            Assert.Equal(expected, actual);
        }
    }

    [DatabaseFact]
    public async Task The_client_list_pages_with_limit_and_offset_and_refuses_bad_values_in_fastapi_shape()
    {
        var (client, _, _) = await server.ImportedAsync("contract-list", new GeneratedBank(12).Files());

        var all = (await (await client.GetAsync("/banking/api/clients")).ReadJsonAsync()).EnumerateArray().Select(Code).ToList();
        var page = (await (await client.GetAsync("/banking/api/clients?limit=5&offset=5")).ReadJsonAsync()).EnumerateArray().Select(Code).ToList();
        var tail = (await (await client.GetAsync("/banking/api/clients?offset=10")).ReadJsonAsync()).EnumerateArray().Select(Code).ToList();
        var badLimit = await client.GetAsync("/banking/api/clients?limit=0");
        var badOffset = await client.GetAsync("/banking/api/clients?offset=-1");
        var notANumber = await client.GetAsync("/banking/api/clients?limit=many");

        Assert.Equal(Enumerable.Range(1, 12), all);
        Assert.Equal(Enumerable.Range(6, 5), page);
        Assert.Equal([11, 12], tail);
        foreach (var (response, name) in new[] { (badLimit, "limit"), (badOffset, "offset"), (notANumber, "limit") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal($"""["query","{name}"]""", (await response.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").GetRawText());
        }
    }

    [DatabaseFact]
    public async Task The_recommendation_endpoints_declare_their_responses_in_openapi()
    {
        var document = await (await server.CreateClient().GetAsync("/openapi/banking.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        Responses(paths, "/api/recommend", "post", ["200", "404", "422"]);
        Responses(paths, "/api/clients/{client_code}/offers", "get", ["200", "404", "422"]);
        Responses(paths, "/api/recommendations.csv", "get", ["200", "409", "422"]);
        Responses(paths, "/api/recommendations/export", "post", ["202", "422"]);
        Responses(paths, "/api/recommendations/exports/{task_id}.csv", "get", ["200", "404", "409"]);
        Responses(paths, "/api/population-stats", "get", ["200"]);
        Responses(paths, "/api/population-stats/rebuild", "post", ["202"]);
    }

    private static void Responses(Dictionary<string, JsonElement> paths, string path, string method, string[] statuses)
    {
        var operation = paths.Single(p => p.Key.EndsWith(path, StringComparison.Ordinal)).Value.GetProperty(method);
        var declared = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.All(statuses, status => Assert.Contains(status, declared));
    }

    private static int Code(JsonElement client) => client.GetProperty("client_code").GetInt32();

    private static List<string> Rankings(JsonElement view) =>
        view.GetProperty("offers").EnumerateArray().Select(o =>
            $"{o.GetProperty("rank").GetInt32()} {o.GetProperty("product").GetString()} {o.GetProperty("eligible").GetBoolean()} " +
            $"{o.GetProperty("score").GetRawText()} {o.GetProperty("benefit_kzt_per_month").GetRawText()}").ToList();
}
