using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Mining runs as jobs, their rules filtered, sorted and exported, on both databases, per organization.</summary>
public sealed class RetailRulesTests(DatabaseServers<RetailServer> servers) : IClassFixture<DatabaseServers<RetailServer>>
{
    private readonly RetailServer server = servers.Current;

    private async Task<HttpClient> PlantedAsync(string slug)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync(slug, "retail:write");
        await PlantedBaskets.ImportAsync(client);
        return client;
    }

    private static int[] Skus(JsonElement items) => [.. items.EnumerateArray().Select(i => i.GetProperty("product_sku").GetInt32())];

    private static JsonElement Find(JsonElement rules, int[] antecedents, int[] consequents) =>
        rules.EnumerateArray().Single(r => Skus(r.GetProperty("antecedents")).SequenceEqual(antecedents) && Skus(r.GetProperty("consequents")).SequenceEqual(consequents));

    [DatabaseFact]
    public async Task A_run_mines_the_baskets_and_its_rules_carry_the_exact_metrics()
    {
        var client = await PlantedAsync("mine");

        var run = await PlantedBaskets.MineAsync(client, new { min_support = 0.05 });

        Assert.Equal(1, run.GetProperty("run_id").GetInt32());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(100, run.GetProperty("progress").GetInt32());
        Assert.Equal(PlantedBaskets.Count, run.GetProperty("baskets").GetInt32());
        Assert.Equal(1.0, run.GetProperty("min_lift").GetDouble());
        Assert.True(run.GetProperty("rules").GetInt32() > 0);
        var rules = await (await client.GetAsync("/retail/api/rules/runs/1/rules?limit=1000")).ReadJsonAsync();
        Assert.Equal(run.GetProperty("rules").GetInt32(), rules.GetArrayLength());
        var breadAndButter = Find(rules, [1001], [1002]);
        Assert.Equal(0.4, breadAndButter.GetProperty("support").GetDouble(), 12);
        Assert.Equal(0.8, breadAndButter.GetProperty("confidence").GetDouble(), 12);
        Assert.Equal(1.6, breadAndButter.GetProperty("lift").GetDouble(), 12);
        Assert.Equal(0.4 - 0.25, breadAndButter.GetProperty("leverage").GetDouble(), 12);
        Assert.Equal(0.5 / 0.2, breadAndButter.GetProperty("conviction").GetDouble(), 12);
        Assert.Equal("Товар 1001", breadAndButter.GetProperty("antecedents")[0].GetProperty("product_name").GetString());
        var certain = Find(rules, [1004], [1005]);
        Assert.Equal(5.0, certain.GetProperty("lift").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, certain.GetProperty("conviction").ValueKind);
        Assert.Equal(5.0, rules[0].GetProperty("lift").GetDouble(), 12);
        Assert.All(rules.EnumerateArray(), r => Assert.True(r.GetProperty("lift").GetDouble() >= 1));
    }

    [DatabaseFact]
    public async Task Filters_sorting_paging_and_the_product_filter_narrow_the_rules()
    {
        var client = await PlantedAsync("filters");
        await PlantedBaskets.MineAsync(client, new { min_support = 0.05 });

        var strong = await (await client.GetAsync("/retail/api/rules/runs/1/rules?min_lift=3&limit=1000")).ReadJsonAsync();
        Assert.NotEmpty(strong.EnumerateArray());
        Assert.All(strong.EnumerateArray(), r => Assert.True(r.GetProperty("lift").GetDouble() >= 3));
        var confident = await (await client.GetAsync("/retail/api/rules/runs/1/rules?min_confidence=0.99&limit=1000")).ReadJsonAsync();
        Assert.All(confident.EnumerateArray(), r => Assert.True(r.GetProperty("confidence").GetDouble() >= 0.99));
        var bySupport = await (await client.GetAsync("/retail/api/rules/runs/1/rules?sort=support&order=asc&limit=1000")).ReadJsonAsync();
        var supports = bySupport.EnumerateArray().Select(r => r.GetProperty("support").GetDouble()).ToList();
        Assert.Equal(supports.Order(), supports);
        var page = await (await client.GetAsync("/retail/api/rules/runs/1/rules?sort=support&order=asc&skip=1&limit=2")).ReadJsonAsync();
        Assert.Equal(bySupport[1].GetProperty("rule_id").GetInt64(), page[0].GetProperty("rule_id").GetInt64());
        Assert.Equal(2, page.GetArrayLength());

        var naming = await (await client.GetAsync("/retail/api/rules/?product_sku=1005&limit=1000")).ReadJsonAsync();
        Assert.NotEmpty(naming.EnumerateArray());
        Assert.All(naming.EnumerateArray(), r => Assert.Contains(1005, Skus(r.GetProperty("antecedents")).Concat(Skus(r.GetProperty("consequents")))));
        var leading = await (await client.GetAsync("/retail/api/rules/?product_sku=1005&side=consequent&limit=1000")).ReadJsonAsync();
        Assert.All(leading.EnumerateArray(), r => Assert.Contains(1005, Skus(r.GetProperty("consequents"))));
        Assert.True(leading.GetArrayLength() < naming.GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_run_over_a_channel_or_a_period_reads_only_those_baskets()
    {
        var client = await PlantedAsync("scoped");

        var online = await PlantedBaskets.MineAsync(client, new { min_support = 0.05, channel = "Online" });
        var firstWeek = await PlantedBaskets.MineAsync(client, new { min_support = 0.05, date_from = "2025-06-01", date_to = "2025-06-07" });
        var nobody = await PlantedBaskets.MineAsync(client, new { city = "Караганда" });

        Assert.Equal(PlantedBaskets.Online, online.GetProperty("baskets").GetInt32());
        Assert.Equal("Online", online.GetProperty("channel").GetString());
        Assert.Equal(Enumerable.Range(0, PlantedBaskets.Count).Count(i => 1 + i % 30 <= 7), firstWeek.GetProperty("baskets").GetInt32());
        Assert.Equal(0, nobody.GetProperty("baskets").GetInt32());
        Assert.Equal(0, nobody.GetProperty("rules").GetInt32());
        var runs = await (await client.GetAsync("/retail/api/rules/runs")).ReadJsonAsync();
        Assert.Equal([3, 2, 1], runs.EnumerateArray().Select(r => r.GetProperty("run_id").GetInt32()));
    }

    [DatabaseFact]
    public async Task The_csv_export_has_the_cli_columns_and_product_names()
    {
        var client = await PlantedAsync("csv");
        await PlantedBaskets.MineAsync(client, new { min_support = 0.05, min_lift = 4 });

        var response = await client.GetAsync("/retail/api/rules/runs/1/rules.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("antecedents,consequents,support,confidence,lift,leverage,conviction", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("\"[\"\"Товар 1004\"\"]\",\"[\"\"Товар 1005\"\"]\",0.2,1,5,", StringComparison.Ordinal) && l.EndsWith(",inf", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Equal(5.0, double.Parse(l.Split(',')[^3], System.Globalization.CultureInfo.InvariantCulture), 9));
    }

    [DatabaseTheory]
    [InlineData("""{"min_support":0}""", "min_support")]
    [InlineData("""{"min_support":1.5}""", "min_support")]
    [InlineData("""{"min_support":-1}""", "min_support")]
    [InlineData("""{"min_support":"lots"}""", "min_support")]
    [InlineData("""{"min_confidence":2}""", "min_confidence")]
    [InlineData("""{"min_lift":-0.5}""", "min_lift")]
    [InlineData("""{"max_length":1}""", "max_length")]
    [InlineData("""{"max_length":11}""", "max_length")]
    [InlineData("""{"date_from":"2025-06-10","date_to":"2025-06-01"}""", "date_to")]
    [InlineData("""{"date_from":"June"}""", "date_from")]
    [InlineData("""{"channel":"   "}""", "channel")]
    public async Task A_bad_run_request_is_422_on_its_field_and_starts_nothing(string body, string field)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bad-run", "retail:write");

        var response = await client.PostAsync("/retail/api/rules/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), d => d.GetProperty("loc").EnumerateArray().Last().GetString() == field);
        Assert.Equal("[]", await client.GetStringAsync("/retail/api/rules/runs"));
    }

    [DatabaseTheory]
    [InlineData("sort=popularity", "sort")]
    [InlineData("order=sideways", "order")]
    [InlineData("side=middle&product_sku=1001", "side")]
    [InlineData("min_confidence=1.5", "min_confidence")]
    [InlineData("min_lift=-1", "min_lift")]
    [InlineData("min_support=abc", "min_support")]
    [InlineData("limit=0", "limit")]
    [InlineData("skip=-1", "skip")]
    public async Task A_bad_rules_query_is_422_on_its_parameter(string query, string parameter)
    {
        var client = await PlantedAsync("bad-query");
        await PlantedBaskets.MineAsync(client, new { min_support = 0.05 });

        var response = await client.GetAsync($"/retail/api/rules/runs/1/rules?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), d => d.GetProperty("loc").EnumerateArray().Select(l => l.ToString()).SequenceEqual(["query", parameter]));
    }

    [DatabaseFact]
    public async Task Before_any_run_the_latest_rules_are_404_and_absent_runs_are_404()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("no-runs", "retail:write");

        var latest = await client.GetAsync("/retail/api/rules/");
        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        Assert.StartsWith("No mining run has succeeded yet", (await latest.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("""{"detail":"Mining run not found"}""", await (await client.GetAsync("/retail/api/rules/runs/7")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/retail/api/rules/runs/7/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/retail/api/rules/runs/7/rules.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/retail/api/rules/runs/7")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync("/retail/api/rules/runs/seven")).StatusCode);
    }

    [DatabaseFact]
    public async Task Deleting_a_finished_run_removes_it_and_its_rules()
    {
        var client = await PlantedAsync("delete-run");
        await PlantedBaskets.MineAsync(client, new { min_support = 0.05 });

        var deleted = await client.DeleteAsync("/retail/api/rules/runs/1");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(1, (await deleted.ReadJsonAsync()).GetProperty("run_id").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/retail/api/rules/runs/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/retail/api/rules/")).StatusCode);
    }

    [DatabaseFact]
    public async Task Another_organization_can_neither_see_nor_delete_a_run_nor_read_its_rules()
    {
        var owner = await PlantedAsync("rules-owner");
        await PlantedBaskets.MineAsync(owner, new { min_support = 0.05 });
        var (other, _) = await server.ClientForNewOrganizationAsync("rules-other", "retail:write");

        Assert.Equal("[]", await other.GetStringAsync("/retail/api/rules/runs"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/retail/api/rules/runs/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/retail/api/rules/runs/1/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/retail/api/rules/runs/1/rules.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/retail/api/rules/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync("/retail/api/rules/runs/1")).StatusCode);
        var bundles = await other.PostAsJsonAsync("/retail/api/bundles/recommend", new { product_sku = 1001, run_id = 1 });
        Assert.Equal(HttpStatusCode.NotFound, bundles.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/retail/api/rules/runs/1")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_finished_run_is_an_event_of_its_own_organization_only()
    {
        var mine = await PlantedAsync("run-events-mine");
        var theirs = await PlantedAsync("run-events-theirs");
        using var socket = await EventSockets.ConnectWithKeyAsync(server, mine.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        await EventSockets.SubscribeAsync(socket, "retail.mining_run.succeeded");

        // Theirs finishes first, so had it been sent to this socket it would arrive first.
        await PlantedBaskets.MineAsync(theirs, new { min_support = 0.05 });
        await PlantedBaskets.MineAsync(mine, new { min_support = 0.1 });

        var received = await EventSockets.ReceiveJsonAsync(socket);
        Assert.Equal("retail.mining_run.succeeded", received.GetProperty("event").GetString());
        var run = received.GetProperty("mining_run");
        Assert.Equal(1, run.GetProperty("run_id").GetInt32());
        Assert.Equal(PlantedBaskets.Count, run.GetProperty("baskets").GetInt32());
        var own = await (await mine.GetAsync("/retail/api/rules/runs/1")).ReadJsonAsync();
        Assert.Equal(own.GetProperty("rules").GetInt32(), run.GetProperty("rules").GetInt32());
        Assert.NotEqual(((await (await theirs.GetAsync("/retail/api/rules/runs/1")).ReadJsonAsync())).GetProperty("rules").GetInt32(), own.GetProperty("rules").GetInt32());
    }
}
