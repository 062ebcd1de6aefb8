using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Bundle recommendations from the latest run's model: ranking, evidence, price, bad requests, on both databases.</summary>
public sealed class RetailBundleTests(DatabaseServers<RetailServer> servers) : IClassFixture<DatabaseServers<RetailServer>>
{
    private readonly RetailServer server = servers.Current;

    private async Task<HttpClient> MinedAsync(string slug)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync(slug, "retail:write");
        await PlantedBaskets.ImportAsync(client);
        await PlantedBaskets.MineAsync(client, new { min_support = 0.05 });
        return client;
    }

    [DatabaseFact]
    public async Task One_product_gets_its_planted_partner_first_with_evidence_and_a_bundle_price()
    {
        var client = await MinedAsync("bundle-one");

        var response = await client.PostAsJsonAsync("/retail/api/bundles/recommend", new { product_sku = 1004 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.ReadJsonAsync();
        Assert.Equal(1, answer.GetProperty("run_id").GetInt32());
        Assert.Equal(1004, answer.GetProperty("basket")[0].GetProperty("product_sku").GetInt32());
        var first = answer.GetProperty("recommendations")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Contains(first.GetProperty("product_sku").GetInt32(), new[] { 1003, 1005 });
        var best = first.GetProperty("evidence");
        Assert.Contains(best.GetProperty("rules").EnumerateArray(), r => r.GetProperty("antecedents").EnumerateArray().Select(a => a.GetInt32()).SequenceEqual([1004]));
        var pair = Assert.Single(best.GetProperty("co_occurrence").EnumerateArray());
        Assert.Equal(1004, pair.GetProperty("with_product_sku").GetInt32());
        Assert.Equal(40, pair.GetProperty("together").GetInt32());
        Assert.Equal(1.0, pair.GetProperty("confidence").GetDouble(), 9);
        var price = first.GetProperty("bundle");
        var listPrice = 250m + PlantedBaskets.Prices[first.GetProperty("product_sku").GetInt32()];
        Assert.Equal(listPrice, price.GetProperty("list_price").GetDecimal());
        Assert.Equal(10m, price.GetProperty("discount_percent").GetDecimal());
        Assert.Equal(Math.Round(listPrice * 0.9m, 0, MidpointRounding.AwayFromZero), price.GetProperty("bundle_price").GetDecimal());
        Assert.DoesNotContain(answer.GetProperty("recommendations").EnumerateArray(), r => r.GetProperty("product_sku").GetInt32() == 1004);
    }

    [DatabaseFact]
    public async Task A_basket_gets_what_completes_it_and_the_discount_and_limit_are_honoured()
    {
        var client = await MinedAsync("bundle-basket");

        var answer = await (await client.PostAsJsonAsync("/retail/api/bundles/recommend",
            new { product_skus = new[] { 1003, 1004 }, limit = 2, discount_percent = 20 })).ReadJsonAsync();

        var recommendations = answer.GetProperty("recommendations");
        Assert.Equal(2, recommendations.GetArrayLength());
        Assert.Equal(1005, recommendations[0].GetProperty("product_sku").GetInt32());
        var bundle = recommendations[0].GetProperty("bundle");
        Assert.Equal([1003, 1004, 1005], bundle.GetProperty("product_skus").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(1400m, bundle.GetProperty("list_price").GetDecimal());
        Assert.Equal(1120m, bundle.GetProperty("bundle_price").GetDecimal());
        Assert.Equal(280m, bundle.GetProperty("saving").GetDecimal());
    }

    [DatabaseTheory]
    [InlineData("""{}""", "product_skus")]
    [InlineData("""{"product_skus":[]}""", "product_skus")]
    [InlineData("""{"product_sku":1001,"limit":0}""", "limit")]
    [InlineData("""{"product_sku":1001,"limit":51}""", "limit")]
    [InlineData("""{"product_sku":1001,"discount_percent":95}""", "discount_percent")]
    [InlineData("""{"product_sku":1001,"discount_percent":-1}""", "discount_percent")]
    [InlineData("""{"product_sku":"bread"}""", "product_sku")]
    [InlineData("""{"product_skus":"1001"}""", "product_skus")]
    public async Task A_bad_bundle_request_is_422_on_its_field(string body, string field)
    {
        var client = await MinedAsync("bundle-bad");

        var response = await client.PostAsync("/retail/api/bundles/recommend", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), d => d.GetProperty("loc").EnumerateArray().Any(l => l.ToString() == field));
    }

    [DatabaseFact]
    public async Task An_unknown_product_or_run_and_no_model_yet_are_404()
    {
        var client = await MinedAsync("bundle-404");
        var (fresh, _) = await server.ClientForNewOrganizationAsync("bundle-fresh", "retail:write");
        await RetailRows.BasicsAsync(fresh);

        var unknown = await client.PostAsJsonAsync("/retail/api/bundles/recommend", new { product_sku = 4242 });
        var noRun = await client.PostAsJsonAsync("/retail/api/bundles/recommend", new { product_sku = 1001, run_id = 9 });
        var noModel = await fresh.PostAsJsonAsync("/retail/api/bundles/recommend", new { product_sku = 1001 });

        Assert.Equal("""{"detail":"Product 4242 not found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, noRun.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noModel.StatusCode);
        Assert.StartsWith("No bundle model yet", (await noModel.ReadJsonAsync()).GetProperty("detail").GetString());
    }
}
