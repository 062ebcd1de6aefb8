using System.Net;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Hostile input gets a 4xx in FastAPI's shape, never a 5xx, and nothing stored changes.</summary>
public sealed class RetailHostileInputTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    private const string Customer = """{"first_name":"A","last_name":"B","gender":"Male","age":30,"dob":"1995-01-01","email":"a@b.kz","phone":"1","city":"Алматы","income_level":"Low","shopping_preference":"x"}""";

    public static TheoryData<string, string, string?, string> Cases => new()
    {
        { "POST", "customers/", """{"first_name":""", "application/json" },
        { "POST", "customers/", Customer.Replace("\"age\":30", "\"age\":\"old\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"age\":30", "\"age\":-1"), "application/json" },
        { "POST", "customers/", Customer.Replace("\"age\":30", "\"age\":1e20"), "application/json" },
        { "POST", "customers/", Customer.Replace("\"age\":30", "\"age\":30.5"), "application/json" },
        { "POST", "customers/", Customer.Replace("\"gender\":\"Male\"", "\"gender\":\"Robot\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"first_name\":\"A\"", "\"first_name\":\"" + new string('Ж', 5000) + "\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"first_name\":\"A\"", "\"first_name\":\"A\\u0000B\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"first_name\":\"A\"", "\"first_name\":\"\\ud800\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"dob\":\"1995-01-01\"", "\"dob\":\"1995-13-45\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"email\":\"a@b.kz\"", "\"email\":\"not an email\""), "application/json" },
        { "POST", "customers/", Customer.Replace("\"city\":\"Алматы\"", "\"city\":null"), "application/json" },
        { "POST", "customers/", "[]", "application/json" },
        { "POST", "customers/", Customer, "text/plain" },
        { "POST", "customers/", "first_name=A", "application/x-www-form-urlencoded" },
        { "POST", "timeframe/", """{"date":"yesterday"}""", "application/json" },
        { "POST", "timeframe/", """{"date":"2025-06-01","month":13}""", "application/json" },
        { "POST", "transactions/", """{"customer_id":1,"time_id":1,"transaction_amount":-5,"channel":"Store","payment_type":"Cash"}""", "application/json" },
        { "POST", "transactions/", """{"customer_id":1,"time_id":1,"transaction_amount":1e300,"channel":"Store","payment_type":"Cash"}""", "application/json" },
        { "POST", "transactions/", """{"customer_id":1,"time_id":1,"transaction_amount":10,"channel":"Teleport","payment_type":"Cash"}""", "application/json" },
        { "POST", "transactions/", """{"customer_id":99999999999,"time_id":1,"transaction_amount":10,"channel":"Store","payment_type":"Cash"}""", "application/json" },
        { "POST", "sales/", """{"transaction_id":1,"product_sku":1001,"quantity":0,"unit_price":5}""", "application/json" },
        { "POST", "sales/", """{"transaction_id":1,"product_sku":1001,"quantity":10000000,"unit_price":5}""", "application/json" },
        { "POST", "sales/", """{"transaction_id":1,"product_sku":1001,"quantity":1,"unit_price":"free"}""", "application/json" },
        { "POST", "sales/", """{"transaction_id":1,"product_sku":1001,"quantity":1,"unit_price":1.001}""", "application/json" },
        { "POST", "products/", """{"product_name":"X","category":"c","brand":"b","price":1e12}""", "application/json" },
        { "PUT", "products/1001", """{"product_name":"X","category":"c","brand":"b","price":-1}""", "application/json" },
        { "PUT", "customers/abc", Customer, "application/json" },
        { "PUT", "transactions/1", """{"customer_id":1}""", "application/json" },
        { "PUT", "sales/1", """{"transaction_id":1,"product_sku":1001,"quantity":1,"unit_price":5""", "application/json" },
        { "GET", "customers/abc", null, "" },
        { "GET", "sales/1.5", null, "" },
        { "GET", "products/99999999999", null, "" },
        { "DELETE", "timeframe/abc", null, "" },
        { "DELETE", "transactions/%E2%82%AC", null, "" },
        { "GET", "transactions/?customer_id=abc", null, "" },
        { "GET", "transactions/?date_from=notadate", null, "" },
        { "GET", "customers/?city=%00", null, "" },
        { "GET", "products/?q=" + new string('x', 300), null, "" },
        { "GET", "sales/?limit=-1", null, "" },
        { "GET", "timeframe/?skip=99999999999", null, "" },
    };

    [DatabaseTheory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_input_is_a_4xx_in_fastapi_shape_and_nothing_changes(string method, string path, string? body, string contentType)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("hostile", "retail:write");
        await RetailRows.BasicsAsync(client, 100m);
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });
        string[] resources = ["products", "customers", "timeframe", "transactions", "sales"];
        var before = await Task.WhenAll(resources.Select(r => RetailRows.ListAsync(client, r)));

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/retail/api/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }
        var response = await client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        var error = await response.ReadJsonAsync();
        Assert.True(error.TryGetProperty("detail", out var detail), await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("System.", detail.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await Task.WhenAll(resources.Select(r => RetailRows.ListAsync(client, r))));
    }

    [DatabaseFact]
    public async Task A_body_over_the_size_limit_is_413_in_fastapi_shape()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("huge", "retail:write");

        var response = await client.PostAsync("/retail/api/customers/",
            new StringContent(Customer.Replace("\"phone\":\"1\"", "\"phone\":\"" + new string('9', 3 << 20) + "\""), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).TryGetProperty("detail", out _));
        Assert.Equal("[]", await RetailRows.ListAsync(client, "customers"));
    }
}
