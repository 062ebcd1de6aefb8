using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using Npgsql;

namespace Clientele.Api.Tests.Jobs;

/// <summary>
/// Two real server processes share one PostgreSQL. The one running the summaries job is killed with SIGKILL half-way; the
/// other claims the job when the lease runs out and finishes it, and the table holds exactly the right rows, once each.
/// </summary>
[Collection(ServerProcessCollection.Name)]
public sealed class JobSigkillTests : IAsyncLifetime
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clientele-jobs-").FullName;
    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);

    [Fact]
    public async Task A_job_whose_worker_is_killed_mid_way_is_finished_by_the_other_instance_without_duplicates()
    {
        var environment = new Dictionary<string, string>
        {
            ["Clientele__Database__Provider"] = "Postgres",
            ["ConnectionStrings__Clientele"] = _database!.ConnectionString,
            ["Clientele__Demo__Enabled"] = "true",
            ["Clientele__Jobs__LeaseSeconds"] = "3",
            ["Clientele__Jobs__PollSeconds"] = "0.2",
            // The pause is between pages; pages of one client keep the job running long enough to be killed half-way.
            ["Clientele__Banking__Summaries__PauseMs"] = "150",
            ["Clientele__Banking__Summaries__PageSize"] = "1",
        };
        using var first = new ServerProcess(_workingDirectory, environment);
        await first.WaitUntilLiveAsync();
        // Started once the first has migrated and filled the demo data, so the two never race on the schema.
        using var second = new ServerProcess(_workingDirectory, environment);
        await second.WaitUntilLiveAsync();
        var servers = new[] { first, second };

        var refresh = await first.Http.PostAsync("/banking/api/summaries/refresh", null);
        Assert.True(refresh.StatusCode == HttpStatusCode.Accepted, await refresh.Content.ReadAsStringAsync());
        var jobId = Guid.Parse((await refresh.ReadJsonAsync()).GetProperty("task_id").GetString()!);

        var midway = await WaitForRowAsync(jobId, r => r.Status == "running" && r.Progress is > 10 and < 90 && OwnerIn(r, servers) is not null, servers);
        var victim = OwnerIn(midway, servers)!;
        var survivor = victim == first ? second : first;
        victim.KillHard();

        var takenOver = await WaitForRowAsync(jobId, r => r.Status != "running" || r.LeaseOwner?.Contains($":{survivor.Id}:", StringComparison.Ordinal) == true, [survivor]);
        Assert.Equal("running", takenOver.Status);
        var done = await WaitForRowAsync(jobId, r => r.Status is "succeeded" or "failed" or "cancelled", [survivor]);

        Assert.Equal("succeeded", done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(100, done.Progress);
        var expected = await ExpectedRowsAsync();
        var stored = await StoredRowsAsync();
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected, stored);
        Assert.Equal(0, await ScalarAsync<long>("""
            SELECT COUNT(*) - COUNT(DISTINCT ("OrganizationId", "ClientCode", "Month", "Category")) FROM banking_client_monthly_spending
            """));
        Assert.Equal(60, await ScalarAsync<long>("""SELECT COUNT(DISTINCT "ClientCode") FROM banking_client_monthly_spending"""));

        var login = await survivor.Http.PostAsJsonAsync("/platform/api/auth/login", new { email = "admin@clientele.local", password = "clientele-demo" });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var job = await (await survivor.Http.GetAsync($"/platform/api/jobs/{jobId}")).ReadJsonAsync();
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(60, job.GetProperty("result").GetProperty("clients").GetInt32());
        Assert.Equal(expected.Count, job.GetProperty("result").GetProperty("rows").GetInt32());
    }

    private sealed record JobRow(string Status, int Progress, int Attempts, string? LeaseOwner);

    private static ServerProcess? OwnerIn(JobRow row, IEnumerable<ServerProcess> servers) =>
        servers.FirstOrDefault(s => row.LeaseOwner?.Contains($":{s.Id}:", StringComparison.Ordinal) == true);

    private async Task<JobRow> WaitForRowAsync(Guid jobId, Func<JobRow, bool> until, IReadOnlyList<ServerProcess> alive)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (true)
        {
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "Status", "Progress", "Attempts", "LeaseOwner" FROM jobs_jobs WHERE "Id" = @id""", connection);
            command.Parameters.AddWithValue("id", jobId);
            await using (var reader = await command.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync(), "the job row is missing");
                var row = new JobRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3));
                if (until(row))
                {
                    return row;
                }
                Assert.True(DateTimeOffset.UtcNow < deadline,
                    $"the job never reached the expected state; last seen {row}\n{string.Join("\n----\n", alive.Select(s => s.Output))}");
            }
            Assert.All(alive, s => Assert.False(s.HasExited, $"a server stopped:\n{s.Output}"));
            await Task.Delay(50);
        }
    }

    /// <summary>The same summary computed straight from the transactions table by PostgreSQL.</summary>
    private Task<List<(int, string, string, decimal, int)>> ExpectedRowsAsync() => RowsAsync("""
        SELECT "ClientCode", to_char("OccurredAt", 'YYYY-MM'), "Category", SUM("AmountKzt"), COUNT(*)::int
        FROM banking_transactions GROUP BY 1, 2, 3
        """);

    private Task<List<(int, string, string, decimal, int)>> StoredRowsAsync() => RowsAsync("""
        SELECT "ClientCode", "Month", "Category", "AmountKzt", "Transactions" FROM banking_client_monthly_spending
        """);

    private async Task<List<(int, string, string, decimal, int)>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string, string, decimal, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetInt32(4)));
        }
        return rows.Order().ToList();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        Directory.Delete(_workingDirectory, recursive: true);
    }
}
