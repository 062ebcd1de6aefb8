using Clientele.Api.Tests.Support;
using Clientele.Platform;
using Clientele.Platform.Tenancy;
using Clientele.Retail.Demo;
using Clientele.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Retail;

/// <summary>The generated demo data loads on both databases and every list answers with it.</summary>
public sealed class RetailDemoDataTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task The_demo_data_loads_and_every_list_answers_with_it()
    {
        var organization = await server.CreateOrganizationAsync("retail-demo");
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var demo = scope.ServiceProvider.GetServices<IDemoData>().Single(d => d.Module == "retail");
            Assert.True(await demo.IsEmptyAsync(scope.ServiceProvider, CancellationToken.None));
            await demo.FillAsync(scope.ServiceProvider, CancellationToken.None);
            Assert.False(await demo.IsEmptyAsync(scope.ServiceProvider, CancellationToken.None));
        }
        var client = server.WithApiKey(await server.CreateApiKeyAsync(organization, "retail:write"));

        Assert.Equal(500, (await (await client.GetAsync("/retail/api/customers/?limit=1000")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(180, (await (await client.GetAsync("/retail/api/timeframe/?limit=1000")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal(1000, (await (await client.GetAsync("/retail/api/sales/?limit=1000")).ReadJsonAsync()).GetArrayLength());
        var basket = await (await client.GetAsync("/retail/api/sales/?transaction_id=1")).ReadJsonAsync();
        var amount = (await (await client.GetAsync("/retail/api/transactions/1")).ReadJsonAsync()).GetProperty("transaction_amount").GetDecimal();
        Assert.Equal(amount, basket.EnumerateArray().Sum(s => s.GetProperty("line_total").GetDecimal()));
        // The stored line totals back the amount rule: a line far beyond the amount is refused.
        var over = await client.PostAsync("/retail/api/sales/", System.Net.Http.Json.JsonContent.Create(new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = amount * 3 }));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, over.StatusCode);
    }
}

/// <summary>The generated demo data: its size, consistent amounts, planted co-purchases, the same on every run.</summary>
public sealed class RetailDemoSetTests
{
    [Fact]
    public void The_demo_set_has_its_size_consistent_amounts_and_is_the_same_every_time()
    {
        var demo = RetailDemoData.Generate();
        var again = RetailDemoData.Generate();

        Assert.InRange(demo.Products.Count, 190, 220);
        Assert.Equal(500, demo.Customers.Count);
        Assert.Equal(180, demo.Timeframe.Count);
        Assert.Equal(4500, demo.Transactions.Count);
        Assert.InRange(demo.Sales.Count, 9000, 20000);
        Assert.InRange(demo.Products.Select(p => p.Category).Distinct().Count(), 10, 15);
        Assert.All(demo.Sales, s => Assert.Equal(decimal.Round(s.Quantity * s.UnitPrice, 2), s.LineTotal));
        var lines = demo.Sales.GroupBy(s => s.TransactionId).ToDictionary(g => g.Key, g => g.Sum(s => s.LineTotal));
        Assert.All(demo.Transactions, t => Assert.Equal(lines[t.TransactionId], t.Amount));
        var skus = demo.Products.ToDictionary(p => p.Sku);
        Assert.All(demo.Sales, s => Assert.Equal(skus[s.ProductSku].Price, s.UnitPrice));
        Assert.Contains(demo.Customers, c => c.City == "Ташкент");
        Assert.Contains(demo.Customers, c => c.City == "Алматы");
        Assert.Equal(demo.Sales.Select(s => (s.TransactionId, s.ProductSku, s.Quantity)), again.Sales.Select(s => (s.TransactionId, s.ProductSku, s.Quantity)));
    }

    [Fact]
    public void Planted_missions_show_as_strong_co_purchases()
    {
        var demo = RetailDemoData.Generate();
        var baskets = demo.Sales.GroupBy(s => s.TransactionId).Select(g => g.Select(s => s.ProductSku).ToHashSet()).ToList();
        int Sku(string name) => demo.Products.Single(p => p.Name.StartsWith(name, StringComparison.Ordinal)).Sku;
        double Support(params int[] items) => baskets.Count(b => items.All(b.Contains)) / (double)baskets.Count;

        var (rice, carrot) = (Sku("Рис девзира"), Sku("Морковь"));
        var (shampoo, balm) = (Sku("Шампунь 400"), Sku("Бальзам для волос"));

        Assert.True(Support(rice, carrot) / (Support(rice) * Support(carrot)) > 3, "plov: rice and carrots go together");
        Assert.True(Support(shampoo, balm) / (Support(shampoo) * Support(balm)) > 3, "hair care: shampoo and balm go together");
        Assert.True(Support(rice, carrot) > 0.005, "the pair is frequent at seed 001's minimum support");
    }
}
