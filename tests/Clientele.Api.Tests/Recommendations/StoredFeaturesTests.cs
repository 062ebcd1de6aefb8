using System.Net;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>
/// A client's features are stored at import with the data version: the one-client answers read them, and give to the byte what
/// aggregating the client's rows gives.
/// </summary>
public class StoredFeaturesTests(DatabaseServers<GeneratedBankServer> servers) : IClassFixture<DatabaseServers<GeneratedBankServer>>
{
    private readonly GeneratedBankServer server = servers.Current;

    [DatabaseFact]
    public async Task Stored_features_answer_exactly_as_the_rows_do()
    {
        var bank = new GeneratedBank(25, seed: 3);
        var (client, organization, _) = await server.ImportedAsync("stored-features", bank.Files());
        var codes = bank.Clients.Select(c => c.Code).Append(999).ToList();

        Assert.Equal(25, await CountAsync(organization, fresh: true));
        var stored = await AnswersAsync(client, codes);
        await DeleteAsync(organization);
        var computed = await AnswersAsync(client, codes);

        Assert.Equal(computed, stored);
        Assert.Equal(0, await CountAsync(organization, fresh: false));
        Assert.Contains(stored, answer => answer.StartsWith("404", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Another_import_replaces_the_stored_features_with_the_new_version()
    {
        var (client, organization, _) = await server.ImportedAsync("stored-features-again", new GeneratedBank(12, seed: 4).Files());
        var before = await AnswersAsync(client, [1, 5]);

        var again = await client.PostAsync("/banking/api/import", CaseUpload.FromText(new GeneratedBank(12, seed: 9).Files()));
        var after = await AnswersAsync(client, [1, 5]);
        await DeleteAsync(organization);
        var computed = await AnswersAsync(client, [1, 5]);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEqual(before, after);
        Assert.Equal(computed, after);
    }

    private static async Task<List<string>> AnswersAsync(HttpClient client, IEnumerable<int> codes)
    {
        var answers = new List<string>();
        foreach (var code in codes)
        {
            answers.Add(await TextAsync(await client.GetAsync($"/banking/api/clients/{code}")));
            answers.Add(await TextAsync(await client.GetAsync($"/banking/api/clients/{code}/offers")));
            answers.Add(await TextAsync(await client.PostAsync("/banking/api/recommend",
                new StringContent($$"""{"client_code": {{code}}}""", Encoding.UTF8, "application/json"))));
        }
        return answers;
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";

    private async Task<int> CountAsync(Guid organization, bool fresh)
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        var version = await db.DataVersions.Select(v => v.Version).SingleAsync();
        return await db.ClientFeatures.CountAsync(f => !fresh || f.DataVersion == version);
    }

    /// <summary>Without stored features every answer is computed from the client's rows, as before they were stored.</summary>
    private async Task DeleteAsync(Guid organization)
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        await scope.ServiceProvider.GetRequiredService<BankingDbContext>().ClientFeatures.ExecuteDeleteAsync();
    }
}
