using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Seed 001's customers, timeframe, transactions and sales: the seed's shapes, then get/update/delete, paging, filters and the references.</summary>
public sealed class RetailContractTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task Each_resource_is_created_and_listed_in_the_seeds_shape()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("shapes", "retail:write");
        await RetailRows.BasicsAsync(client, 100m);

        var sale = await client.PostAsJsonAsync("/retail/api/sales/", new { transaction_id = 1, product_sku = 1001, quantity = 2, unit_price = 24.99 });

        Assert.Equal(HttpStatusCode.OK, sale.StatusCode);
        Assert.Equal("""{"sale_id":1,"transaction_id":1,"product_sku":1001,"quantity":2,"unit_price":24.99,"line_total":49.98}""", await sale.Content.ReadAsStringAsync());
        Assert.Equal("""[{"customer_id":1,"first_name":"Айгерим","last_name":"Ахметова","gender":"Female","age":29,"dob":"1996-03-14","email":"aigerim@mail.kz","phone":"+7 701 555 12 34","city":"Алматы","income_level":"High","shopping_preference":"Семейные закупки","customer_segment":"High Value"}]""",
            await client.GetStringAsync("/retail/api/customers/"));
        Assert.Equal("""[{"time_id":1,"date":"2025-06-01","day":1,"month":6,"year":2025}]""", await client.GetStringAsync("/retail/api/timeframe/"));
        Assert.Equal("""[{"transaction_id":1,"customer_id":1,"time_id":1,"transaction_amount":100.0,"channel":"Store","payment_type":"Cash"}]""",
            await client.GetStringAsync("/retail/api/transactions/"));
        Assert.Equal("""[{"sale_id":1,"transaction_id":1,"product_sku":1001,"quantity":2,"unit_price":24.99,"line_total":49.98}]""", await client.GetStringAsync("/retail/api/sales/"));
    }

    [DatabaseFact]
    public async Task Timeframe_derives_day_month_and_year_and_refuses_ones_that_disagree_with_the_date()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("calendar", "retail:write");

        var derived = await RetailRows.PostAsync(client, "timeframe", new { date = "2024-11-27" });
        var agreeing = await RetailRows.PostAsync(client, "timeframe", new { date = "2024-11-28", day = 28, month = 11, year = 2024 });
        var wrong = await client.PostAsJsonAsync("/retail/api/timeframe/", new { date = "2024-11-29", day = 1, month = 11, year = 2024 });
        var again = await client.PostAsJsonAsync("/retail/api/timeframe/", new { date = "2024-11-27" });

        Assert.Equal((27, 11, 2024), (derived.GetProperty("day").GetInt32(), derived.GetProperty("month").GetInt32(), derived.GetProperty("year").GetInt32()));
        Assert.Equal(2, agreeing.GetProperty("time_id").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal("day", (await wrong.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(2, (await client.GetFromJsonAsync<object[]>("/retail/api/timeframe/"))!.Length);
    }

    [DatabaseFact]
    public async Task Get_update_and_delete_by_id_work_for_every_resource_and_absent_ids_are_404()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("crud", "retail:write");
        await RetailRows.BasicsAsync(client, 100m);
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });

        Assert.Equal("Чай Piala 250 г", (await (await client.GetAsync("/retail/api/products/1001")).ReadJsonAsync()).GetProperty("product_name").GetString());
        var product = await client.PutAsJsonAsync("/retail/api/products/1001", new { product_name = "Чай Piala 500 г", category = "Чай и кофе", brand = "Piala", price = 95.5 });
        Assert.Equal("""{"product_sku":1001,"product_name":"Чай Piala 500 г","category":"Чай и кофе","brand":"Piala","price":95.5}""", await product.Content.ReadAsStringAsync());
        var customer = await client.PutAsJsonAsync("/retail/api/customers/1", new
        {
            first_name = "Айгерим", last_name = "Сейтказина", gender = "Female", age = 30, dob = "1996-03-14", email = "a@mail.kz",
            phone = "+7 701 000 00 00", city = "Астана", income_level = "Premium", shopping_preference = "Премиум", customer_segment = (string?)null,
        });
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        Assert.Equal("Астана", (await (await client.GetAsync("/retail/api/customers/1")).ReadJsonAsync()).GetProperty("city").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await customer.ReadJsonAsync()).GetProperty("customer_segment").ValueKind);
        var day = await client.PutAsJsonAsync("/retail/api/timeframe/1", new { date = "2025-06-02" });
        Assert.Equal(2, (await day.ReadJsonAsync()).GetProperty("day").GetInt32());
        var transaction = await client.PutAsJsonAsync("/retail/api/transactions/1", new { customer_id = 1, time_id = 1, transaction_amount = 60, channel = "Online", payment_type = "Digital Wallet" });
        Assert.Equal("""{"transaction_id":1,"customer_id":1,"time_id":1,"transaction_amount":60.0,"channel":"Online","payment_type":"Digital Wallet"}""", await transaction.Content.ReadAsStringAsync());
        var sale = await client.PutAsJsonAsync("/retail/api/sales/1", new { transaction_id = 1, product_sku = 1001, quantity = 3, unit_price = 33.333 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sale.StatusCode);
        sale = await client.PutAsJsonAsync("/retail/api/sales/1", new { transaction_id = 1, product_sku = 1001, quantity = 3, unit_price = 20 });
        Assert.Equal(60.0m, (await sale.ReadJsonAsync()).GetProperty("line_total").GetDecimal());

        foreach (var path in new[] { "products/1001", "customers/1", "timeframe/1", "transactions/1", "sales/1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/retail/api/{path}")).StatusCode);
        }
        foreach (var (path, detail) in new[] { ("products/999", "Product not found"), ("customers/999", "Customer not found"), ("timeframe/999", "Timeframe not found"),
                     ("transactions/999", "Transaction not found"), ("sales/999", "Sale not found") })
        {
            foreach (var response in new[] { await client.GetAsync($"/retail/api/{path}"), await client.DeleteAsync($"/retail/api/{path}") })
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal($$"""{"detail":"{{detail}}"}""", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/sales/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/transactions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/customers/1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/timeframe/1")).StatusCode);
        var deleted = await client.DeleteAsync("/retail/api/products/1001");
        Assert.Equal("""{"product_sku":1001,"product_name":"Чай Piala 500 г","category":"Чай и кофе","brand":"Piala","price":95.5}""", await deleted.Content.ReadAsStringAsync());
        foreach (var resource in new[] { "products", "customers", "timeframe", "transactions", "sales" })
        {
            Assert.Equal("[]", await RetailRows.ListAsync(client, resource));
        }
    }

    [DatabaseFact]
    public async Task Deleting_rows_still_referred_to_is_409_and_a_transaction_takes_its_lines_with_it()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("refs", "retail:write");
        await RetailRows.BasicsAsync(client, 100m);
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });

        foreach (var path in new[] { "products/1001", "customers/1", "timeframe/1" })
        {
            var refused = await client.DeleteAsync($"/retail/api/{path}");
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.False(string.IsNullOrEmpty((await refused.ReadJsonAsync()).GetProperty("detail").GetString()));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/transactions/1")).StatusCode);

        Assert.Equal("[]", await RetailRows.ListAsync(client, "sales"));
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/products/1001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/customers/1")).StatusCode);
    }

    [DatabaseFact]
    public async Task Unknown_references_are_422_on_their_field_and_nothing_is_stored()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("unknown", "retail:write");
        await RetailRows.BasicsAsync(client, 100m);

        var transaction = await client.PostAsJsonAsync("/retail/api/transactions/", new { customer_id = 77, time_id = 88, transaction_amount = 5, channel = "Store", payment_type = "Cash" });
        var sale = await client.PostAsJsonAsync("/retail/api/sales/", new { transaction_id = 99, product_sku = 4242, quantity = 1, unit_price = 5 });
        var moved = await client.PutAsJsonAsync("/retail/api/transactions/1", new { customer_id = 77, time_id = 1, transaction_amount = 5, channel = "Store", payment_type = "Cash" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, transaction.StatusCode);
        Assert.Equal(new[] { "customer_id", "time_id" }, (await transaction.ReadJsonAsync()).GetProperty("detail").EnumerateArray().Select(e => e.GetProperty("loc")[1].GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sale.StatusCode);
        Assert.Equal(new[] { "product_sku", "transaction_id" }, (await sale.ReadJsonAsync()).GetProperty("detail").EnumerateArray().Select(e => e.GetProperty("loc")[1].GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, moved.StatusCode);
        Assert.Single((await client.GetFromJsonAsync<object[]>("/retail/api/transactions/"))!);
        Assert.Equal("[]", await RetailRows.ListAsync(client, "sales"));
        Assert.Equal(100m, (await (await client.GetAsync("/retail/api/transactions/1")).ReadJsonAsync()).GetProperty("transaction_amount").GetDecimal());
    }

    [DatabaseFact]
    public async Task Lines_may_exceed_the_amount_only_by_the_largest_discount_and_the_amount_cannot_drop_below_that()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("amounts", "retail:write");
        await RetailRows.BasicsAsync(client, 100m);

        // 100 paid: the lines may add up to 200 (a discount of 50 %), as in seed 001's data.
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 2, unit_price = 50 });
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 100 });
        var beyond = await client.PostAsJsonAsync("/retail/api/sales/", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 0.05 });
        var lower = await client.PutAsJsonAsync("/retail/api/transactions/1", new { customer_id = 1, time_id = 1, transaction_amount = 99, channel = "Store", payment_type = "Cash" });
        var grow = await client.PutAsJsonAsync("/retail/api/sales/2", new { transaction_id = 1, product_sku = 1001, quantity = 2, unit_price = 100 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.StatusCode);
        Assert.Contains("at most 50%", (await beyond.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("msg").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lower.StatusCode);
        Assert.Equal("transaction_amount", (await lower.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, grow.StatusCode);
        Assert.Equal(2, (await client.GetFromJsonAsync<object[]>("/retail/api/sales/"))!.Length);
        Assert.Equal(100m, (await (await client.GetAsync("/retail/api/sales/2")).ReadJsonAsync()).GetProperty("line_total").GetDecimal());

        // Deleting a line frees room for another.
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync("/retail/api/sales/2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/retail/api/sales/", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 100 })).StatusCode);
    }

    [DatabaseFact]
    public async Task Skip_limit_and_filters_narrow_every_list()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("filters", "retail:write");
        await RetailRows.BasicsAsync(client, 1000m);
        await RetailRows.PostAsync(client, "products", new { product_name = "Рис девзира", category = "Бакалея", brand = "Девзира", price = 1450 });
        await RetailRows.PostAsync(client, "products", new { product_name = "Сахар", category = "Бакалея", brand = "Цесна", price = 520 });
        await RetailRows.PostAsync(client, "customers", new
        {
            first_name = "Жасур", last_name = "Каримов", gender = "Male", age = 41, dob = "1984-01-02", email = "jasur@mail.uz",
            phone = "+998 90 123 45 67", city = "Ташкент", income_level = "Medium", shopping_preference = "Бюджетные покупки",
        });
        await RetailRows.PostAsync(client, "timeframe", new { date = "2025-07-15" });
        await RetailRows.PostAsync(client, "transactions", new { customer_id = 2, time_id = 2, transaction_amount = 1970, channel = "Online", payment_type = "Debit Card" });
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 2, product_sku = 1002, quantity = 1, unit_price = 1450 });
        await RetailRows.PostAsync(client, "sales", new { transaction_id = 2, product_sku = 1003, quantity = 1, unit_price = 520 });

        static async Task<int[]> Ids(HttpClient client, string url, string id) =>
            (await (await client.GetAsync(url)).ReadJsonAsync()).EnumerateArray().Select(e => e.GetProperty(id).GetInt32()).ToArray();
        Assert.Equal(new[] { 1002, 1003 }, await Ids(client, "/retail/api/products/?category=Бакалея", "product_sku"));
        Assert.Equal(new[] { 1003 }, await Ids(client, "/retail/api/products/?category=Бакалея&brand=Цесна", "product_sku"));
        Assert.Equal(new[] { 1002 }, await Ids(client, "/retail/api/products/?q=девзира", "product_sku"));
        Assert.Equal(new[] { 1003 }, await Ids(client, "/retail/api/products/?skip=2&limit=1", "product_sku"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/customers/?city=Ташкент", "customer_id"));
        Assert.Equal(new[] { 1 }, await Ids(client, "/retail/api/customers/?segment=High%20Value", "customer_id"));
        Assert.Equal(new[] { 1 }, await Ids(client, "/retail/api/customers/?gender=Female&income_level=High", "customer_id"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/timeframe/?month=7", "time_id"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/timeframe/?date_from=2025-07-01&date_to=2025-07-31", "time_id"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/transactions/?customer_id=2", "transaction_id"));
        Assert.Equal(new[] { 1 }, await Ids(client, "/retail/api/transactions/?time_id=1", "transaction_id"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/transactions/?date_from=2025-07-01", "transaction_id"));
        Assert.Equal(new[] { 1 }, await Ids(client, "/retail/api/transactions/?date_to=2025-06-30&channel=Store&payment_type=Cash", "transaction_id"));
        Assert.Equal(new[] { 1, 2 }, await Ids(client, "/retail/api/sales/?transaction_id=2", "sale_id"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/sales/?product_sku=1003", "sale_id"));
        Assert.Equal(new[] { 2 }, await Ids(client, "/retail/api/sales/?skip=1&limit=1", "sale_id"));
    }
}
