using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Jobs;

/// <summary>The banking summaries job end to end: refresh endpoint, a worker of the test server, the stored table, the monthly endpoint.</summary>
public class SummaryJobTests(DatabaseServers<JobsServer> servers) : IClassFixture<DatabaseServers<JobsServer>>
{
    private readonly JobsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_refresh_answers_202_in_the_task_shape_and_the_job_succeeds_with_its_result()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("summaries", "banking:write");
        await SummaryData.ImportAsync(client);

        var response = await client.PostAsync("/banking/api/summaries/refresh", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        var id = accepted.GetProperty("task_id").GetString()!;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("message").GetString()));
        Assert.Equal($"/platform/api/jobs/{id}", response.Headers.Location?.ToString());

        var job = await JobsServer.WaitForJobAsync(client, id, JobsServer.IsFinished);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetInt32());
        Assert.Equal("banking.client-summaries", job.GetProperty("kind").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal("""{"clients":2,"months":4,"rows":5}""", job.GetProperty("result").GetRawText());
        Assert.Equal("2 of 2 clients", job.GetProperty("message").GetString());
    }

    [DatabaseFact]
    public async Task Monthly_spending_has_the_total_and_categories_of_each_month()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("monthly", "banking:write");
        await SummaryData.ImportAsync(client);
        var before = await (await client.GetAsync("/banking/api/clients/1/monthly")).ReadJsonAsync();
        await JobsServer.WaitForJobAsync(client, await SummaryData.RefreshAsync(client), JobsServer.IsFinished);

        var response = await client.GetAsync("/banking/api/clients/1/monthly");

        Assert.Equal(0, before.GetProperty("months").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var monthly = await response.ReadJsonAsync();
        Assert.Equal(1, monthly.GetProperty("client_code").GetInt32());
        var months = monthly.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2025-06", "2025-07", "2025-08"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal([10000m, 10000m, 51000m], months.Select(m => m.GetProperty("total").GetDecimal()));
        var june = months[0].GetProperty("categories").EnumerateArray()
            .Select(c => (c.GetProperty("category").GetString(), c.GetProperty("amount").GetDecimal(), c.GetProperty("transactions").GetInt32())).ToList();
        Assert.Equal([("Такси", 8000m, 2), ("Кафе и рестораны", 2000m, 1)], june);
        Assert.Contains("\"total\":51000.0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Refreshing_again_replaces_the_rows_and_never_duplicates_them()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("again", "banking:write");
        await SummaryData.ImportAsync(client);
        await JobsServer.WaitForJobAsync(client, await SummaryData.RefreshAsync(client), JobsServer.IsFinished);
        var first = await StoredRowsAsync(organization);

        var second = await JobsServer.WaitForJobAsync(client, await SummaryData.RefreshAsync(client), JobsServer.IsFinished);

        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        var rows = await StoredRowsAsync(organization);
        Assert.Equal(5, rows.Count);
        Assert.Equal(first, rows);
    }

    [DatabaseFact]
    public async Task An_unknown_client_is_404_and_a_bad_client_code_is_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("unknown", "banking:write");
        await SummaryData.ImportAsync(client);

        var unknown = await client.GetAsync("/banking/api/clients/999/monthly");
        var bad = await client.GetAsync("/banking/api/clients/abc/monthly");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"detail":"Client not found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)422, bad.StatusCode);
        var detail = (await bad.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("""["path","client_code"]""", detail.GetProperty("loc").GetRawText());
    }

    [DatabaseFact]
    public async Task Another_organization_sees_neither_the_summaries_nor_the_clients()
    {
        var (alpha, _) = await server.ClientForNewOrganizationAsync("alpha", "banking:write");
        var (beta, _) = await server.ClientForNewOrganizationAsync("beta", "banking:write");
        await SummaryData.ImportAsync(alpha);
        var id = await SummaryData.RefreshAsync(alpha);
        await JobsServer.WaitForJobAsync(alpha, id, JobsServer.IsFinished);

        Assert.Equal(HttpStatusCode.NotFound, (await beta.GetAsync("/banking/api/clients/1/monthly")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beta.GetAsync($"/platform/api/jobs/{id}")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_refresh_needs_banking_write_access()
    {
        var (reader, _) = await server.ClientForNewOrganizationAsync("reader", "banking:read");

        var response = await reader.PostAsync("/banking/api/summaries/refresh", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"detail":"Not enough permissions"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("[]", await (await reader.GetAsync("/platform/api/jobs")).Content.ReadAsStringAsync());
    }

    private async Task<List<(int, string, string, decimal, int)>> StoredRowsAsync(Guid organization)
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        var rows = await db.MonthlySpending.AsNoTracking().ToListAsync();
        return rows.Select(r => (r.ClientCode, r.Month, r.Category, r.AmountKzt, r.Transactions)).Order().ToList();
    }
}
