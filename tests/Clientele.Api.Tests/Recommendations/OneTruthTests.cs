using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Offers;
using Clientele.Testing;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>The dashboard's figures and the engine's (and so the push's) come from one window of the same data.</summary>
public class OneTruthTests(DatabaseServers<GeneratedBankServer> servers) : IClassFixture<DatabaseServers<GeneratedBankServer>>
{
    private readonly GeneratedBankServer server = servers.Current;

    [DatabaseFact]
    public async Task The_offers_agree_with_the_profile_and_the_push_breaks_no_rule()
    {
        var bank = new GeneratedBank(24);
        var (client, _, _) = await server.ImportedAsync("one-truth", bank.Files());

        foreach (var code in bank.Clients.Select(c => c.Code))
        {
            var profile = await (await client.GetAsync($"/banking/api/clients/{code}")).ReadJsonAsync();
            var view = await (await client.GetAsync($"/banking/api/clients/{code}/offers")).ReadJsonAsync();
            var offers = view.GetProperty("offers").EnumerateArray().ToDictionary(o => o.GetProperty("product").GetString()!);

            var months = Evidence(offers[Products.SavingsDeposit], "monthly_spending").ToList();
            Assert.Equal(profile.GetProperty("total_spending_3m").GetDecimal(), months.Sum(m => m.GetProperty("amount_kzt").GetDecimal()));
            Assert.Equal(code % 3 == 0 ? ["2025-07", "2025-08"] : ["2025-06", "2025-07", "2025-08"], months.Select(m => m.GetProperty("month").GetString()));
            var top = profile.GetProperty("top_categories").EnumerateArray()
                .Select(c => (c.GetProperty("category").GetString(), c.GetProperty("amount").GetDecimal())).ToList();
            var engineTop = Evidence(offers[Products.CreditCard], "top_category")
                .Select(e => (e.GetProperty("category").GetString(), e.GetProperty("amount_kzt").GetDecimal())).ToList();
            Assert.Equal(top, engineTop);
            Assert.Empty(view.GetProperty("push_findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error")
                .Select(f => $"{code}: {f.GetProperty("rule").GetString()} {f.GetProperty("message").GetString()} in «{view.GetProperty("push_notification").GetString()}»"));
        }
    }

    private static IEnumerable<JsonElement> Evidence(JsonElement offer, string signal) =>
        offer.GetProperty("evidence").EnumerateArray().Where(e => e.GetProperty("signal").GetString() == signal);
}
