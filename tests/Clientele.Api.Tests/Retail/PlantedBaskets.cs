using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;

namespace Clientele.Api.Tests.Retail;

/// <summary>
/// 200 baskets with known structure, imported through the API: {1001, 1002} in 40 % (1001 and 1002 each in 50 %),
/// {1003, 1004, 1005} in 20 %, so 1004 ⇒ 1005 has confidence 1 and lift 5; every fourth basket is bought online.
/// </summary>
public static class PlantedBaskets
{
    public const int Count = 200;
    public const int Online = 50;

    public static readonly IReadOnlyDictionary<int, decimal> Prices = new Dictionary<int, decimal>
    {
        [1001] = 500, [1002] = 300, [1003] = 1000, [1004] = 250, [1005] = 150, [1006] = 800,
    };

    public static int[] Basket(int index) => (index % 10) switch
    {
        0 or 1 or 2 or 3 => index % 20 == 0 ? [1001, 1002, 1006] : [1001, 1002],
        4 or 5 => [1003, 1004, 1005],
        6 => [1003],
        7 => [1001],
        8 => [1006],
        _ => [1002, 1006],
    };

    public static async Task ImportAsync(HttpClient client)
    {
        var products = new StringBuilder("product_sku,product_name,category,brand,price\n");
        foreach (var (sku, price) in Prices)
        {
            products.Append(CultureInfo.InvariantCulture, $"{sku},Товар {sku},Бакалея,Бренд,{price}\n");
        }
        var customers = new StringBuilder("customer_id,first_name,last_name,gender,age,dob,phone,email,city,income_level,shopping_preference\n");
        for (var id = 1; id <= 20; id++)
        {
            customers.Append(CultureInfo.InvariantCulture, $"{id},Имя{id},Фамилия{id},{(id % 2 == 0 ? "Female" : "Male")},30,1995-01-01,+7 700 000 00 {id:00},c{id}@mail.kz,{(id <= 10 ? "Алматы" : "Астана")},Medium,Продукты\n");
        }
        var timeframe = new StringBuilder("time_id,date\n");
        for (var day = 1; day <= 30; day++)
        {
            timeframe.Append(CultureInfo.InvariantCulture, $"{day},2025-06-{day:00}\n");
        }
        var transactions = new StringBuilder("transaction_id,customer_id,time_id,transaction_amount,channel,payment_type\n");
        var sales = new StringBuilder("sale_id,transaction_id,product_sku,quantity,unit_price,line_total\n");
        var saleId = 0;
        for (var index = 0; index < Count; index++)
        {
            var basket = Basket(index);
            // Customer 1 buys often and much, customer 20 once in a while: the segmentation has something to find.
            var customer = index < 60 ? 1 + index % 3 : 4 + index % 17;
            transactions.Append(CultureInfo.InvariantCulture,
                $"{index + 1},{customer},{1 + index % 30},{basket.Sum(sku => Prices[sku])},{(index % 4 == 0 ? "Online" : "Store")},Cash\n");
            foreach (var sku in basket)
            {
                sales.Append(CultureInfo.InvariantCulture, $"{++saleId},{index + 1},{sku},1,{Prices[sku]},{Prices[sku]}\n");
            }
        }
        var upload = CaseUpload.FromText(("products.csv", products.ToString()), ("customers.csv", customers.ToString()),
            ("timeframe.csv", timeframe.ToString()), ("transactions.csv", transactions.ToString()), ("sales.csv", sales.ToString()));
        var response = await client.PostAsync("/retail/api/import/", upload);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JobsServer.WaitForJobAsync(client, (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!, JobsServer.IsFinished);
        Assert.True(job.GetProperty("result").GetProperty("status").GetString() == "imported", job.ToString());
    }

    /// <summary>Starts a run, waits for its job, and answers the finished run.</summary>
    public static async Task<JsonElement> MineAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/retail/api/rules/runs", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonAsync();
        var job = await JobsServer.WaitForJobAsync(client, accepted.GetProperty("task_id").GetString()!, JobsServer.IsFinished);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
        return await (await client.GetAsync(response.Headers.Location)).ReadJsonAsync();
    }
}
