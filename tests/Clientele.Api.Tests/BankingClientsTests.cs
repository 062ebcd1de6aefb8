using System.Net;
using System.Globalization;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>Seed 000's two read endpoints against the real case data, on each database.</summary>
public class BankingClientsTests(DatabaseServers<CaseDataServer> servers) : IClassFixture<DatabaseServers<CaseDataServer>>
{
    private readonly CaseDataServer server = servers.Current;

    [DatabaseFact]
    public async Task Import_of_the_case_reports_every_row()
    {
        server.RequireClient();
        Assert.Equal(HttpStatusCode.OK, server.ImportResponse!.StatusCode);
        var body = await server.ImportResponse.ReadJsonAsync();
        Assert.Equal(60, body.GetProperty("clients").GetInt32());
        Assert.Equal(18000, body.GetProperty("transactions").GetInt32());
        Assert.Equal(18000, body.GetProperty("transfers").GetInt32());
    }

    [DatabaseFact]
    public async Task Client_list_is_every_client_by_code_and_name()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/clients");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clients = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(60, clients.Count);
        Assert.Equal(Enumerable.Range(1, 60), clients.Select(c => c.GetProperty("client_code").GetInt32()));
        Assert.Equal("Айгерим", clients[0].GetProperty("name").GetString());
        Assert.All(clients, c => Assert.Equal(["client_code", "name"], c.EnumerateObject().Select(p => p.Name)));
    }

    [DatabaseFact]
    public async Task Client_one_gives_exactly_the_seed_example()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/clients/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            """{"client_code":1,"name":"Айгерим","status":"Зарплатный клиент","age":29,"city":"Алматы","avg_monthly_balance_KZT":92643.0,"total_spending_3m":2626914.27,"top_categories":[{"category":"Продукты питания","amount":645267.06},{"category":"Кафе и рестораны","amount":518757.59},{"category":"Путешествия","amount":275433.72}]}""",
            text);
    }

    [DatabaseFact]
    public async Task Statuses_are_only_the_four_official_ones()
    {
        var client = server.RequireClient();
        var official = new[] { "Студент", "Зарплатный клиент", "Премиальный клиент", "Стандартный клиент" };
        foreach (var code in new[] { 1, 2, 3, 15, 33, 60 })
        {
            var body = await (await client.GetAsync($"/banking/api/clients/{code}")).ReadJsonAsync();
            Assert.Contains(body.GetProperty("status").GetString(), official);
        }
    }

    [DatabaseFact]
    public async Task Euro_spending_is_converted_to_tenge()
    {
        var body = await (await server.RequireClient().GetAsync("/banking/api/clients/3")).ReadJsonAsync();
        var rows = File.ReadLines(Path.Combine(SharedData.Require("bank_case"), "client_3_transactions_3m.csv")).Skip(1)
            .Select(line => line.Split(',')).Select(f => (Amount: decimal.Parse(f[^2], CultureInfo.InvariantCulture), Currency: f[^1])).ToList();
        var expected = rows.Sum(r => r.Currency == "EUR" ? Math.Round(r.Amount * 510m, 2) : r.Amount);

        Assert.Equal(35, rows.Count(r => r.Currency == "EUR"));
        Assert.Equal(expected, body.GetProperty("total_spending_3m").GetDecimal());
    }

    [DatabaseFact]
    public async Task Unknown_client_is_404_in_fastapi_shape()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/clients/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"detail":"Client not found"}""", await response.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Non_numeric_client_code_is_422_naming_the_path_parameter()
    {
        var response = await server.RequireClient().GetAsync("/banking/api/clients/abc");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["path", "client_code"], detail.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));
    }
}
