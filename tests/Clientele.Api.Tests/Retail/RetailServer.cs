using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>The real server with quick job polling and quick event dispatch, for imports and events.</summary>
public sealed class RetailServer : ClienteleFactory
{
    public RetailServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        Settings["Clientele:Events:PollSeconds"] = "0.05";
    }
}

/// <summary>Rows made through the API as a client of the seed would: one of each resource, referring to each other.</summary>
public static class RetailRows
{
    public static readonly object Customer = new
    {
        first_name = "Айгерим", last_name = "Ахметова", gender = "Female", age = 29, dob = "1996-03-14", email = "aigerim@mail.kz",
        phone = "+7 701 555 12 34", city = "Алматы", income_level = "High", shopping_preference = "Семейные закупки", customer_segment = "High Value",
    };

    public static async Task<JsonElement> PostAsync(HttpClient client, string resource, object body)
    {
        var response = await client.PostAsJsonAsync($"/retail/api/{resource}/", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{resource}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>A product (1001), a customer (1), a day (1) and a transaction (1) of <paramref name="amount"/> without lines.</summary>
    public static async Task<(int Sku, int CustomerId, int TimeId, int TransactionId)> BasicsAsync(HttpClient client, decimal amount = 100m)
    {
        var product = await PostAsync(client, "products", new { product_name = "Чай Piala 250 г", category = "Чай и кофе", brand = "Piala", price = 50 });
        var customer = await PostAsync(client, "customers", Customer);
        var day = await PostAsync(client, "timeframe", new { date = "2025-06-01" });
        var transaction = await PostAsync(client, "transactions", new
        {
            customer_id = customer.GetProperty("customer_id").GetInt32(), time_id = day.GetProperty("time_id").GetInt32(),
            transaction_amount = amount, channel = "Store", payment_type = "Cash",
        });
        return (product.GetProperty("product_sku").GetInt32(), customer.GetProperty("customer_id").GetInt32(),
            day.GetProperty("time_id").GetInt32(), transaction.GetProperty("transaction_id").GetInt32());
    }

    public static async Task<string> ListAsync(HttpClient client, string resource) => await client.GetStringAsync($"/retail/api/{resource}/?limit=1000");
}
