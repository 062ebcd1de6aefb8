using Clientele.Api.Tests.Recommendations;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Jobs;

/// <summary>Pages of 40 clients, so 120 clients are three pages.</summary>
public sealed class PagedSummariesServer : JobsServer
{
    public PagedSummariesServer(DatabaseKind kind) : base(kind) => Settings["Clientele:Banking:Summaries:PageSize"] = "40";
}

/// <summary>The summaries job works a page at a time: its job updates and events grow with pages, not with clients.</summary>
public class BankingSummaryPagingTests(DatabaseServers<PagedSummariesServer> servers) : IClassFixture<DatabaseServers<PagedSummariesServer>>
{
    private const int Clients = 120;
    private const int Pages = 3;
    private readonly PagedSummariesServer server = servers.Current;

    [DatabaseFact]
    public async Task A_refresh_of_120_clients_in_pages_of_40_writes_a_handful_of_job_updates_not_one_per_client()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("paged", "banking:write");
        var bank = new GeneratedBank(Clients);
        var import = await client.PostAsync("/banking/api/import", CaseUpload.FromText(bank.Files()));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());

        var job = await JobsServer.WaitForJobAsync(client, await SummaryData.RefreshAsync(client), JobsServer.IsFinished);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal($"{Clients} of {Clients} clients", job.GetProperty("message").GetString());
        var result = job.GetProperty("result");
        Assert.Equal(Clients, result.GetProperty("clients").GetInt32());
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var banking = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        Assert.Equal(result.GetProperty("rows").GetInt32(), await banking.MonthlySpending.CountAsync());
        Assert.Equal(Clients, await banking.MonthlySpending.Select(s => s.ClientCode).Distinct().CountAsync());
        // Queued, running, the first report, one per page, succeeded.
        var updates = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Outbox.CountAsync(m => m.Type == JobEvents.Updated);
        Assert.InRange(updates, Pages, Pages + 4);
        Assert.Equal(0, await banking.Outbox.CountAsync(m => m.Type != "banking.import.completed"));
    }
}
