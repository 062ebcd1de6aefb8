using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Clientele.Platform.Identity;
using Clientele.Retail.Customers;
using Clientele.Retail.Data;
using Clientele.Retail.Products;
using Clientele.Retail.Sales;
using Clientele.Retail.Timeframe;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>
/// A small shop whose figures are worked out by hand: 25 baskets in June 2025 (plov, tea, breakfast, shampoo, onions) for the
/// main organization; two products under the same SKUs and other names for the second. Written through a RetailDbContext scope;
/// mining and segmentation run through the API as jobs.
/// </summary>
public static class RetailData
{
    public const string Rice = "Рис девзира 1 кг";
    public const string Carrots = "Морковь жёлтая 1 кг";
    public const string Onions = "Лук репчатый 1 кг";
    public const string Tea = "Чай чёрный Piala 250 г";
    public const string Shampoo = "Шампунь Head & Shoulders 400 мл";
    public const string Kumys = "Кумыс Саумал 1 л";
    public const string Baursak = "Баурсаки 500 г";

    private static readonly (int Sku, string Name, string Category, decimal Price)[] MainProducts =
    [
        (1001, Rice, "Бакалея", 1450), (1002, Carrots, "Овощи и фрукты", 320), (1003, Onions, "Овощи и фрукты", 180),
        (1004, Tea, "Чай и кофе", 1190), (1005, "Сахар 1 кг", "Бакалея", 520), (1006, "Молоко Адал 1 л", "Молочные продукты", 540),
        (1007, "Хлеб пшеничный", "Хлеб и выпечка", 210), (1008, Shampoo, "Личная гигиена", 2790), (1009, "Вода Tassay 1,5 л", "Напитки", 250),
    ];

    private static readonly (int Sku, string Name, string Category, decimal Price)[] OtherProducts =
        [(1001, Kumys, "Молочные продукты", 1600), (1002, Baursak, "Хлеб и выпечка", 890)];

    private static readonly string[] Names =
        ["Айгерим Ахметова", "Данияр Сапаров", "Нурлан Касымов", "Жанна Омарова", "Шахноза Юсупова", "Тимур Каримов", "Асель Бекова", "Рустам Алиев", "Мадина Нурланова", "Жасур Рахимов"];

    private static readonly string[] Cities = ["Алматы", "Астана", "Шымкент", "Ташкент", "Самарканд"];

    /// <summary>(day of June, customer, channel, SKUs); on June 20 the rice line is two bags.</summary>
    private static IEnumerable<(int Day, int Customer, string Channel, int[] Skus)> MainBaskets()
    {
        static IEnumerable<(int, int, string, int[])> Many(int[] days, int[] customers, string channel, int[] skus) =>
            days.Zip(customers, (day, customer) => (day, customer, channel, skus));
        return Many([1, 3, 5, 8, 12, 20], [1, 2, 3, 1, 4, 5], "Store", [1001, 1002, 1003])
            .Concat(Many([2, 15], [6, 2], "Online", [1001, 1002]))
            .Concat(Many([4, 6, 9, 24, 28], [7, 3, 8, 7, 9], "Mobile App", [1004, 1005]))
            .Concat(Many([7, 10, 11, 25, 29], [1, 6, 10, 2, 4], "Store", [1006, 1007]))
            .Concat(Many([14, 27], [5, 8], "Online", [1006, 1007, 1005]))
            .Concat(Many([13, 26, 30], [9, 10, 3], "Store", [1008]))
            .Concat(Many([16, 22], [6, 1], "Store", [1003]))
            .OrderBy(b => b.Item1);
    }

    private static readonly ConditionalWeakTable<DashboardServer, Task> Seeded = new();

    /// <summary>
    /// Once per server: with <paramref name="analysed"/> both organizations' shops, a mining run (support ≥ 2 baskets, up to 3
    /// items) and a 2-segment segmentation of the main one; without, the main organization's shop alone, nothing mined or segmented.
    /// </summary>
    public static Task EnsureAsync(DashboardServer server, bool analysed) =>
        Seeded.GetValue(server, s => SeedAsync(s, analysed));

    private static async Task SeedAsync(DashboardServer server, bool analysed)
    {
        await WriteAsync(server, server.MainOrganizationId, MainProducts, 10, [.. MainBaskets()]);
        if (analysed)
        {
            await WriteAsync(server, server.OtherOrganizationId, OtherProducts, 2, [(1, 1, "Store", [1001, 1002]), (2, 2, "Store", [1001, 1002]), (2, 1, "Online", [1001])]);
            var key = await server.CreateApiKeyAsync(server.MainOrganizationId, "retail:write");
            await MineAsync(server, key, new { min_support = 2, min_confidence = 0, min_lift = 1, max_length = 3 });
            await SegmentAsync(server, key, 2);
        }
    }

    private static async Task WriteAsync(DashboardServer server, Guid organization, (int Sku, string Name, string Category, decimal Price)[] products, int customers,
        (int Day, int Customer, string Channel, int[] Skus)[] baskets) =>
        await server.InOrganizationAsync(organization, async services =>
        {
            var db = services.GetRequiredService<RetailDbContext>();
            db.Products.AddRange(products.Select(p => new Product { Sku = p.Sku, Name = p.Name, Category = p.Category, Brand = "—", Price = p.Price }));
            db.Customers.AddRange(Enumerable.Range(1, customers).Select(id => new Customer
            {
                CustomerId = id, FirstName = Names[id - 1].Split(' ')[0], LastName = Names[id - 1].Split(' ')[1], Gender = id % 2 == 0 ? "Male" : "Female",
                Age = 20 + id * 3, Dob = new DateOnly(2000 - id * 3, 1, 15), Email = $"customer{id}@mail.kz", Phone = $"+7 701 000 00 {id:00}",
                City = Cities[id % Cities.Length], IncomeLevel = "Medium", ShoppingPreference = "Продукты",
            }));
            db.Timeframe.AddRange(Enumerable.Range(1, 30).Select(day => new TimeframeDay { TimeId = day, Date = new DateOnly(2025, 6, day), Day = day, Month = 6, Year = 2025 }));
            var prices = products.ToDictionary(p => p.Sku, p => p.Price);
            var sale = 0;
            foreach (var (basket, index) in baskets.Select((b, i) => (b, i + 1)))
            {
                var lines = basket.Skus.Select(sku => (Sku: sku, Quantity: basket.Day == 20 && sku == 1001 ? 2 : 1)).ToList();
                var total = lines.Sum(l => Sale.LineTotalOf(l.Quantity, prices[l.Sku]));
                db.Transactions.Add(new RetailTransaction
                {
                    TransactionId = index, CustomerId = basket.Customer, TimeId = basket.Day, Amount = total, LinesTotal = total, Channel = basket.Channel, PaymentType = "Cash",
                });
                db.Sales.AddRange(lines.Select(l => new Sale
                {
                    SaleId = ++sale, TransactionId = index, ProductSku = l.Sku, Quantity = l.Quantity, UnitPrice = prices[l.Sku], LineTotal = Sale.LineTotalOf(l.Quantity, prices[l.Sku]),
                }));
            }
            return await db.SaveChangesAsync();
        });

    public static async Task MineAsync(DashboardServer server, string key, object body)
    {
        var accepted = await SendAsync(server, key, HttpMethod.Post, "/retail/api/rules/runs", body);
        var run = accepted.GetProperty("run_id").GetInt32();
        var view = await UntilAsync(server, key, $"/retail/api/rules/runs/{run}", v => v.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled");
        Assert.Equal("succeeded", view.GetProperty("status").GetString());
    }

    public static async Task SegmentAsync(DashboardServer server, string key, int clusters)
    {
        var accepted = await SendAsync(server, key, HttpMethod.Post, "/retail/api/segments/run", new { clusters });
        var job = await UntilAsync(server, key, $"/platform/api/jobs/{accepted.GetProperty("task_id").GetString()}",
            v => v.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled");
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> SendAsync(DashboardServer server, string key, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        using var response = await server.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls until <paramref name="done"/>; the job runs in the same process, so this is a matter of moments.</summary>
    private static async Task<JsonElement> UntilAsync(DashboardServer server, string key, string path, Func<JsonElement, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var view = await SendAsync(server, key, HttpMethod.Get, path);
            if (done(view) || attempt == 600)
            {
                return view;
            }
            await Task.Delay(100);
        }
    }
}
