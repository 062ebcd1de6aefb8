using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Events;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Organizations never see each other: another organization's ids answer 404 on every endpoint and its events never arrive.</summary>
public sealed class RetailIsolationTests(DatabaseServers<RetailServer> servers) : IClassFixture<DatabaseServers<RetailServer>>
{
    private readonly RetailServer server = servers.Current;

    private static readonly string[] Resources = ["products", "customers", "timeframe", "transactions", "sales"];

    private static readonly Dictionary<string, object> Replacements = new()
    {
        ["products/1001"] = new { product_name = "Чужой", category = "c", brand = "b", price = 1 },
        ["customers/1"] = RetailRows.Customer,
        ["timeframe/1"] = new { date = "2030-01-01" },
        ["transactions/1"] = new { customer_id = 1, time_id = 1, transaction_amount = 1, channel = "Store", payment_type = "Cash" },
        ["sales/1"] = new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 1 },
    };

    [DatabaseFact]
    public async Task Another_organizations_ids_are_404_for_get_put_and_delete_and_its_rows_stay_unchanged()
    {
        var (owner, _) = await server.ClientForNewOrganizationAsync("owner", "retail:write");
        var (other, _) = await server.ClientForNewOrganizationAsync("other", "retail:write");
        await RetailRows.BasicsAsync(owner, 100m);
        await RetailRows.PostAsync(owner, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });
        var before = await Task.WhenAll(Resources.Select(r => RetailRows.ListAsync(owner, r)));

        foreach (var (path, body) in Replacements)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/retail/api/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/retail/api/{path}", body)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/retail/api/{path}")).StatusCode);
        }
        foreach (var resource in Resources)
        {
            Assert.Equal("[]", await RetailRows.ListAsync(other, resource));
        }
        var transaction = await other.PostAsJsonAsync("/retail/api/transactions/", Replacements["transactions/1"]);
        var sale = await other.PostAsJsonAsync("/retail/api/sales/", Replacements["sales/1"]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, transaction.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sale.StatusCode);
        Assert.Equal(before, await Task.WhenAll(Resources.Select(r => RetailRows.ListAsync(owner, r))));
    }

    [DatabaseFact]
    public async Task Row_events_reach_their_own_organization_only()
    {
        var (mine, organization) = await server.ClientForNewOrganizationAsync("ev-mine", "retail:write");
        var (theirs, _) = await server.ClientForNewOrganizationAsync("ev-theirs", "retail:write");
        using var socket = await EventSockets.ConnectWithKeyAsync(server, mine.DefaultRequestHeaders.GetValues("X-Api-Key").Single());
        await EventSockets.SubscribeAsync(socket, "*");

        // Theirs is written first, so had it been sent to this socket it would arrive first.
        await RetailRows.BasicsAsync(theirs, 100m);
        await RetailRows.PostAsync(theirs, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });
        await RetailRows.BasicsAsync(mine, 100m);
        await RetailRows.PostAsync(mine, "sales", new { transaction_id = 1, product_sku = 1001, quantity = 1, unit_price = 50 });
        await mine.PutAsJsonAsync("/retail/api/sales/1", new { transaction_id = 1, product_sku = 1001, quantity = 2, unit_price = 50 });
        await mine.DeleteAsync("/retail/api/sales/1");

        var received = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 7; i++)
        {
            received.Add(await EventSockets.ReceiveJsonAsync(socket));
        }
        Assert.Equal(["retail.product.created", "retail.customer.created", "retail.timeframe.created", "retail.transaction.created",
            "retail.sale.created", "retail.sale.updated", "retail.sale.deleted"], received.Select(e => e.GetProperty("event").GetString()));
        Assert.All(received, e => Assert.Equal(organization.ToString(), e.GetProperty("organization").GetProperty("id").GetString()));
        Assert.Equal(1001, received[0].GetProperty("product").GetProperty("product_sku").GetInt32());
        Assert.Equal(100.0m, received[5].GetProperty("sale").GetProperty("line_total").GetDecimal());
    }
}
