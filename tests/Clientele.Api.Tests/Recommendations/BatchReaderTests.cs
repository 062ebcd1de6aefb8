using System.Globalization;
using System.Net;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>Pages of seven clients, so a batch of forty reads six pages, each while the one before it is ranked.</summary>
public sealed class SmallPageBankServer : GeneratedBankServer
{
    public SmallPageBankServer(DatabaseKind kind) : base(kind) => Settings["Clientele:Banking:Recommendations:PageSize"] = "7";
}

/// <summary>
/// The batch (plain data reader, next page read while the current one is ranked) gives every client exactly what the one-client
/// path gives: the same ten products in the same order and the same push, to the character.
/// </summary>
public class BatchReaderTests(DatabaseServers<SmallPageBankServer> servers) : IClassFixture<DatabaseServers<SmallPageBankServer>>
{
    private readonly SmallPageBankServer server = servers.Current;

    [DatabaseFact]
    public async Task The_paged_batch_ranks_every_client_exactly_as_the_one_client_path()
    {
        var bank = new GeneratedBank(40, seed: 21);
        var (client, _, _) = await server.ImportedAsync("batch-reader", bank.Files());

        var response = await client.GetAsync("/banking/api/recommendations.csv?top=10");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rfc4180.Parse(await response.Content.ReadAsStringAsync()).Skip(1)
            .GroupBy(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(bank.Clients.Select(c => c.Code), rows.Select(g => g.Key));
        foreach (var batch in rows)
        {
            var offers = await (await client.GetAsync($"/banking/api/clients/{batch.Key}/offers")).ReadJsonAsync();
            var recommend = await (await client.PostAsync("/banking/api/recommend",
                new StringContent($$"""{"client_code": {{batch.Key}}}""", Encoding.UTF8, "application/json"))).ReadJsonAsync();

            Assert.Equal(offers.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("product").GetString()), batch.Select(r => r[1]));
            Assert.Equal(offers.GetProperty("push_notification").GetString(), batch.First()[2]);
            Assert.Equal(recommend.GetProperty("product").GetString(), batch.First()[1]);
            Assert.Equal(recommend.GetProperty("push_notification").GetString(), batch.First()[2]);
        }
    }
}
