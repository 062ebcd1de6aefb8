using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Seed 001 (Clustr): the service endpoints and products, on both databases, per organization.</summary>
public sealed class RetailProductTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task The_root_and_health_answer_as_the_seed_shows()
    {
        var client = server.CreateClient();

        Assert.Equal("""{"service":"Clustr API","status":"ok"}""", await client.GetStringAsync("/retail/"));
        Assert.Equal("""{"status":"ok"}""", await client.GetStringAsync("/retail/health"));
    }

    [DatabaseFact]
    public async Task The_seed_example_creates_a_product_with_its_sku_and_the_list_shows_it()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("clustr", "retail:write");

        var created = await client.PostAsJsonAsync("/retail/api/products/",
            new { product_name = "Moisturizer X", category = "Skincare", brand = "FreshLine", price = 19.99 });
        var second = await client.PostAsJsonAsync("/retail/api/products/", new { product_name = "Cleanser Y", category = "Skincare", brand = "FreshLine", price = 7 });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("""{"product_sku":1001,"product_name":"Moisturizer X","category":"Skincare","brand":"FreshLine","price":19.99}""",
            await created.Content.ReadAsStringAsync());
        Assert.Equal(1002, (await second.ReadJsonAsync()).GetProperty("product_sku").GetInt32());
        var list = await client.GetStringAsync("/retail/api/products/");
        Assert.Equal("""[{"product_sku":1001,"product_name":"Moisturizer X","category":"Skincare","brand":"FreshLine","price":19.99},{"product_sku":1002,"product_name":"Cleanser Y","category":"Skincare","brand":"FreshLine","price":7.0}]""", list);
        var page = await (await client.GetAsync("/retail/api/products/?skip=1&limit=1")).ReadJsonAsync();
        Assert.Equal(1002, Assert.Single(page.EnumerateArray()).GetProperty("product_sku").GetInt32());
    }

    [DatabaseFact]
    public async Task Another_organization_sees_none_of_the_products_and_numbers_its_own_from_the_start()
    {
        var (alpha, _) = await server.ClientForNewOrganizationAsync("alpha", "retail:write");
        var (beta, _) = await server.ClientForNewOrganizationAsync("beta", "retail:write");
        await alpha.PostAsJsonAsync("/retail/api/products/", new { product_name = "Alpha only", category = "c", brand = "b", price = 1 });

        Assert.Equal("[]", await beta.GetStringAsync("/retail/api/products/"));
        var own = await (await beta.PostAsJsonAsync("/retail/api/products/", new { product_name = "Beta", category = "c", brand = "b", price = 2 })).ReadJsonAsync();
        Assert.Equal(1001, own.GetProperty("product_sku").GetInt32());
    }

    [DatabaseTheory]
    [InlineData("""{"category":"Skincare","brand":"FreshLine","price":1}""", "product_name", "missing")]
    [InlineData("""{"product_name":"   ","category":"c","brand":"b","price":1}""", "product_name", null)]
    [InlineData("""{"product_name":"X","category":"c","brand":"b","price":-5}""", "price", null)]
    [InlineData("""{"product_name":"X","category":"c","brand":"b","price":"free"}""", "price", null)]
    [InlineData("""{"product_name":"X","category":"c","brand":"b","price":1e300}""", "price", null)]
    [InlineData("""{"product_name":"X","category":"c","price":1,"brand":5}""", "brand", null)]
    [InlineData("""{"product_name":""", "body", "json_invalid")]
    public async Task Bad_products_are_422_in_fastapi_shape_and_nothing_is_stored(string body, string field, string? type)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bad", "retail:write");

        var response = await client.PostAsync("/retail/api/products/", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single((await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        Assert.Contains(field, error.GetProperty("loc").EnumerateArray().Select(l => l.ToString()));
        if (type is not null)
        {
            Assert.Equal(type, error.GetProperty("type").GetString());
        }
        Assert.DoesNotContain("System.", error.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal("[]", await client.GetStringAsync("/retail/api/products/"));
    }

    [DatabaseTheory]
    [InlineData("?skip=-1")]
    [InlineData("?limit=0")]
    [InlineData("?limit=100000")]
    [InlineData("?limit=ten")]
    public async Task Bad_paging_is_422(string query)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("paging", "retail:read");

        var response = await client.GetAsync($"/retail/api/products/{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(JsonValueKindArray, (await response.ReadJsonAsync()).GetProperty("detail").ValueKind);
    }

    [DatabaseFact]
    public async Task A_read_key_cannot_create_products()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("reader", "retail:read");

        var response = await client.PostAsJsonAsync("/retail/api/products/", new { product_name = "X", category = "c", brand = "b", price = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("[]", await client.GetStringAsync("/retail/api/products/"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}
