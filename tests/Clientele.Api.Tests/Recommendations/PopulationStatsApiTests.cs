using System.Net;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>Population statistics are stored data: built at import, versioned, per organization, kept across a restart.</summary>
public class PopulationStatsApiTests(DatabaseServers<GeneratedBankServer> servers) : IClassFixture<DatabaseServers<GeneratedBankServer>>
{
    private const string BuiltLog = "Population statistics of organization";
    private readonly GeneratedBankServer server = servers.Current;

    private static StringContent Recommend(int clientCode) => new($$"""{"client_code": {{clientCode}}}""", Encoding.UTF8, "application/json");

    private static async Task<JsonElement> StatsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/banking/api/population-stats");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [DatabaseFact]
    public async Task An_import_raises_the_data_version_and_builds_statistics_for_it()
    {
        var bank = new GeneratedBank(40);
        var (client, _, _) = await server.ImportedAsync("stats-import", bank.Files());

        var first = await StatsAsync(client);
        var again = await client.PostAsync("/banking/api/import", CaseUpload.FromText(new GeneratedBank(25, seed: 7).Files()));
        var second = await StatsAsync(client);

        Assert.Equal(1, first.GetProperty("data_version").GetInt64());
        Assert.Equal(1, first.GetProperty("stats_data_version").GetInt64());
        Assert.True(first.GetProperty("fresh").GetBoolean());
        Assert.Equal(40, first.GetProperty("clients").GetInt32());
        Assert.True(first.GetProperty("signals").GetInt32() > 10);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, second.GetProperty("data_version").GetInt64());
        Assert.Equal(2, second.GetProperty("stats_data_version").GetInt64());
        Assert.Equal(40, second.GetProperty("clients").GetInt32());
        Assert.True(second.GetProperty("built_at").GetDateTimeOffset() >= first.GetProperty("built_at").GetDateTimeOffset());
    }

    [DatabaseFact]
    public async Task After_a_restart_recommend_answers_from_the_stored_statistics_without_rebuilding_them()
    {
        var (client, _, key) = await server.ImportedAsync("stats-restart", new GeneratedBank(30).Files());
        var before = await (await client.PostAsync("/banking/api/recommend", Recommend(3))).Content.ReadAsStringAsync();
        var stored = await StatsAsync(client);

        await using var restarted = server.Restart();
        var fresh = restarted.WithApiKey(key);
        var response = await fresh.PostAsync("/banking/api/recommend", Recommend(3));
        var after = await StatsAsync(fresh);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await response.Content.ReadAsStringAsync());
        Assert.Equal(stored.GetProperty("built_at").GetDateTimeOffset(), after.GetProperty("built_at").GetDateTimeOffset());
        Assert.DoesNotContain(restarted.Logs.Lines, line => line.Contains(BuiltLog, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Statistics_of_one_organization_are_never_used_by_another()
    {
        var (large, _, _) = await server.ImportedAsync("stats-large", new GeneratedBank(50, seed: 1).Files());
        var small = new GeneratedBank(6, seed: 2).Files();
        var (mine, _, _) = await server.ImportedAsync("stats-mine", small);
        var empty = server.WithApiKey(await server.CreateApiKeyAsync(await server.CreateOrganizationAsync("stats-empty"), "banking:read"));
        await large.PostAsync("/banking/api/recommend", Recommend(1));
        var (twin, _, _) = await server.ImportedAsync("stats-twin", small);

        Assert.Equal(50, (await StatsAsync(large)).GetProperty("clients").GetInt32());
        Assert.Equal(6, (await StatsAsync(mine)).GetProperty("clients").GetInt32());
        var none = await StatsAsync(empty);
        Assert.Equal(0, none.GetProperty("data_version").GetInt64());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("stats_data_version").ValueKind);
        for (var code = 1; code <= 6; code++)
        {
            var ours = await (await mine.GetAsync($"/banking/api/clients/{code}/offers")).Content.ReadAsStringAsync();
            var theirs = await (await twin.GetAsync($"/banking/api/clients/{code}/offers")).Content.ReadAsStringAsync();
            Assert.Equal(ours, theirs);
        }
    }

    [DatabaseFact]
    public async Task A_rebuild_is_a_job_that_waits_while_another_builder_holds_the_lease()
    {
        var (client, organization, _) = await server.ImportedAsync("stats-rebuild", new GeneratedBank(20).Files());
        var before = await StatsAsync(client);
        await SetLeaseAsync(organization, DateTimeOffset.UtcNow.AddMinutes(10));

        var response = await client.PostAsync("/banking/api/population-stats/rebuild", null);
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await JobsServer.WaitForJobAsync(client, id, j => j.GetProperty("status").GetString() == "running");
        var whileHeld = await StatsAsync(client);
        await SetLeaseAsync(organization, null);
        var job = await JobsServer.WaitForJobAsync(client, id, JobsServer.IsFinished);
        var after = await StatsAsync(client);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(whileHeld.GetProperty("building").GetBoolean());
        Assert.Equal(before.GetProperty("built_at").GetDateTimeOffset(), whileHeld.GetProperty("built_at").GetDateTimeOffset());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal("banking.population-stats", job.GetProperty("kind").GetString());
        Assert.True(job.GetProperty("result").GetProperty("built").GetBoolean());
        Assert.True(after.GetProperty("built_at").GetDateTimeOffset() > before.GetProperty("built_at").GetDateTimeOffset());
        Assert.False(after.GetProperty("building").GetBoolean());
    }

    [DatabaseFact]
    public async Task A_rebuild_needs_write_access()
    {
        var reader = server.WithApiKey(await server.CreateApiKeyAsync(await server.CreateOrganizationAsync("stats-reader"), "banking:read"));

        var response = await reader.PostAsync("/banking/api/population-stats/rebuild", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    /// <summary>Plays another instance's builder: the lease row as a builder elsewhere would have written it.</summary>
    private async Task SetLeaseAsync(Guid organization, DateTimeOffset? until)
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        await db.DataVersions.ExecuteUpdateAsync(set => set
            .SetProperty(v => v.StatsBuilder, until is null ? null : "another-instance")
            .SetProperty(v => v.StatsLeaseUntil, until));
    }
}
