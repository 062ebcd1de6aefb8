using System.Net;
using Clientele.Api.Tests.Support;
using System.Net.Http.Json;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>A request can never read or change another organization's rows.</summary>
public class TenancyTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task Another_organization_sees_none_of_the_clients()
    {
        var (alpha, _) = await server.ClientForNewOrganizationAsync("alpha", "banking:write");
        var (beta, _) = await server.ClientForNewOrganizationAsync("beta", "banking:write");
        await Imported(alpha, CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("t.csv", CaseUpload.ClientOneTransactions)));

        var list = await beta.GetAsync("/banking/api/clients");
        var detail = await beta.GetAsync("/banking/api/clients/1");

        Assert.Equal("[]", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(2, (await (await alpha.GetAsync("/banking/api/clients")).ReadJsonAsync()).GetArrayLength());
    }

    [DatabaseFact]
    public async Task Importing_the_same_client_codes_elsewhere_leaves_the_first_organization_untouched()
    {
        var (alpha, _) = await server.ClientForNewOrganizationAsync("alpha", "banking:write");
        var (beta, _) = await server.ClientForNewOrganizationAsync("beta", "banking:write");
        await Imported(alpha, CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("t.csv", CaseUpload.ClientOneTransactions)));
        var before = await (await alpha.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync();

        var otherClients = CaseUpload.TwoClients.Replace("Айгерим", "Другая", StringComparison.Ordinal).Replace("92643", "1", StringComparison.Ordinal);
        var otherSpending = "client_code,date,category,amount,currency\n1,2025-08-01 10:00:00,Кино,5.00,KZT\n";
        await Imported(beta, CaseUpload.FromText(("clients.csv", otherClients), ("t.csv", otherSpending)));

        Assert.Equal(before, await (await alpha.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync());
        var betaClient = await (await beta.GetAsync("/banking/api/clients/1")).ReadJsonAsync();
        Assert.Equal("Другая", betaClient.GetProperty("name").GetString());
        Assert.Equal(5.00m, betaClient.GetProperty("total_spending_3m").GetDecimal());
    }

    [DatabaseFact]
    public async Task A_key_of_one_organization_lists_only_its_own_keys()
    {
        var alpha = await server.CreateOrganizationAsync("alpha");
        var beta = await server.CreateOrganizationAsync("beta");
        await server.CreateApiKeyAsync(beta, "banking:read");
        var email = $"admin-{Guid.NewGuid():N}@alpha.kz";
        await server.CreateUserAsync(alpha, email, "correct horse battery", "admin");
        var session = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsJsonAsync("/platform/api/auth/login", new { email, password = "correct horse battery" })).StatusCode);

        var keys = await (await session.GetAsync("/platform/api/keys")).ReadJsonAsync();

        Assert.Equal(0, keys.GetArrayLength());
    }

    private static async Task Imported(HttpClient client, MultipartFormDataContent content)
    {
        var response = await client.PostAsync("/banking/api/import", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
