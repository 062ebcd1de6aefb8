using System.Globalization;
using Clientele.Banking.Data;
using Clientele.Banking.Recommendations;
using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Clientele.Bench;

/// <summary>A fresh banking database of one provider, the real <see cref="BankingDbContext"/> and services over it, and a fast bulk loader.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(string provider, string connectionString, ServiceProvider services)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Services = services;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public ServiceProvider Services { get; }
    public Guid OrganizationId { get; } = new("6d1c0c62-5f7e-4a53-9a43-0e4b2f3c8a11");

    public static async Task<BenchDatabase> CreateAsync(string provider, int clients)
    {
        string connection;
        if (provider == "sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"clientele-bench-{clients}.db");
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(stale);
            }
            connection = $"Data Source={file};Pooling=false";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("CLIENTELE_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("CLIENTELE_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set CLIENTELE_BENCH_POSTGRES (or CLIENTELE_TEST_POSTGRES) to a PostgreSQL connection string.");
            var database = $"clientele_bench_{clients}";
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clientele:Database:Provider"] = provider,
            ["ConnectionStrings:Clientele"] = connection,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<DatabaseSettingsAccessor>()
            .AddScoped<TenantContext>()
            .AddSingleton(TimeProvider.System)
            .AddLogging();
        services.AddModuleDbContext<BankingDbContext>("banking");
        services.AddRecommendations();
        var bench = new BenchDatabase(provider, connection, services.BuildServiceProvider());
        await using var scope = bench.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
        await db.Database.MigrateAsync();
        // As the server's migrator does: without the write-ahead log a writer waits for every open reader (the statistics build
        // writes features while the next page is read).
        await SqliteWriteAheadLog.EnableAsync(db, CancellationToken.None);
        return bench;
    }

    /// <summary>A scope acting for the bench's organization, as a job's scope does.</summary>
    public AsyncServiceScope Scope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(OrganizationId);
        return scope;
    }

    public async Task LoadAsync(int clients, int paymentsPerClient, int movesPerClient)
    {
        if (Provider == "sqlite")
        {
            await LoadSqliteAsync(clients, paymentsPerClient, movesPerClient);
        }
        else
        {
            await LoadPostgresAsync(clients, paymentsPerClient, movesPerClient);
        }
    }

    // EF Core's SQLite conventions: GUIDs as upper-case text, DATETIME as text, decimals as invariant text.
    private async Task LoadSqliteAsync(int clients, int paymentsPerClient, int movesPerClient)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var org = OrganizationId.ToString().ToUpperInvariant();
        var client = Command(connection, "INSERT INTO banking_clients (OrganizationId, ClientCode, Name, Status, Age, City, AvgMonthlyBalanceKzt) VALUES ($o,$c,$n,$s,$a,$ci,$b)", "$o", "$c", "$n", "$s", "$a", "$ci", "$b");
        var payment = Command(connection, "INSERT INTO banking_transactions (OrganizationId, ClientCode, OccurredAt, Category, Amount, Currency, AmountKzt) VALUES ($o,$c,$t,$k,$m,$u,$z)", "$o", "$c", "$t", "$k", "$m", "$u", "$z");
        var move = Command(connection, "INSERT INTO banking_transfers (OrganizationId, ClientCode, OccurredAt, Type, Direction, Amount, Currency, AmountKzt) VALUES ($o,$c,$t,$y,$d,$m,'KZT',$m)", "$o", "$c", "$t", "$y", "$d", "$m");
        const int batch = 1000;
        for (var from = 1; from <= clients; from += batch)
        {
            await using var transaction = connection.BeginTransaction();
            foreach (var command in new[] { client, payment, move })
            {
                command.Transaction = transaction;
            }
            for (var code = from; code < from + batch && code <= clients; code++)
            {
                var c = SyntheticBank.ClientOf(code);
                await Run(client, org, code, c.Name, c.Status, c.Age, c.City, Text(c.Balance));
                foreach (var p in SyntheticBank.PaymentsOf(code, paymentsPerClient))
                {
                    await Run(payment, org, code, p.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), p.Category, Text(p.Amount), p.Currency, Text(p.AmountKzt));
                }
                foreach (var m in SyntheticBank.MovesOf(code, movesPerClient))
                {
                    await Run(move, org, code, m.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), m.Type, m.Direction, Text(m.AmountKzt));
                }
            }
            await transaction.CommitAsync();
            Progress.Report("load", Math.Min(from + batch - 1, clients), clients);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    private static async Task Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        await command.ExecuteNonQueryAsync();
    }

    private static string Text(decimal value) => value.ToString("0.0###", CultureInfo.InvariantCulture);

    private async Task LoadPostgresAsync(int clients, int paymentsPerClient, int movesPerClient)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY banking_clients (\"OrganizationId\", \"ClientCode\", \"Name\", \"Status\", \"Age\", \"City\", \"AvgMonthlyBalanceKzt\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var code = 1; code <= clients; code++)
            {
                var c = SyntheticBank.ClientOf(code);
                await writer.WriteRowAsync(default, OrganizationId, code, c.Name, c.Status, c.Age, c.City, c.Balance);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY banking_transactions (\"OrganizationId\", \"ClientCode\", \"OccurredAt\", \"Category\", \"Amount\", \"Currency\", \"AmountKzt\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var code = 1; code <= clients; code++)
            {
                foreach (var p in SyntheticBank.PaymentsOf(code, paymentsPerClient))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(OrganizationId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(code, NpgsqlDbType.Integer);
                    await writer.WriteAsync(p.At, NpgsqlDbType.Timestamp);
                    await writer.WriteAsync(p.Category, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(p.Amount, NpgsqlDbType.Numeric);
                    await writer.WriteAsync(p.Currency, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(p.AmountKzt, NpgsqlDbType.Numeric);
                }
                if (code % 5000 == 0)
                {
                    Progress.Report("load payments", code, clients);
                }
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY banking_transfers (\"OrganizationId\", \"ClientCode\", \"OccurredAt\", \"Type\", \"Direction\", \"Amount\", \"Currency\", \"AmountKzt\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var code = 1; code <= clients; code++)
            {
                foreach (var m in SyntheticBank.MovesOf(code, movesPerClient))
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(OrganizationId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(code, NpgsqlDbType.Integer);
                    await writer.WriteAsync(m.At, NpgsqlDbType.Timestamp);
                    await writer.WriteAsync(m.Type, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(m.Direction, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(m.AmountKzt, NpgsqlDbType.Numeric);
                    await writer.WriteAsync("KZT", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(m.AmountKzt, NpgsqlDbType.Numeric);
                }
                if (code % 5000 == 0)
                {
                    Progress.Report("load transfers", code, clients);
                }
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>The columns the batch reads, exported by the database's own client to /dev/null: the floor of one pass.</summary>
    public async Task ExportToNullAsync()
    {
        string[] queries =
        [
            "SELECT \"ClientCode\", \"Name\", \"Status\", \"Age\", \"City\", \"AvgMonthlyBalanceKzt\" FROM banking_clients",
            "SELECT \"ClientCode\", \"OccurredAt\", \"Category\", \"AmountKzt\", \"Currency\" FROM banking_transactions",
            "SELECT \"ClientCode\", \"OccurredAt\", \"Type\", \"Direction\", \"AmountKzt\" FROM banking_transfers",
        ];
        if (Provider == "sqlite")
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            await ShellAsync("sqlite3", ["-csv", file, string.Join("; ", queries) + ";"]);
        }
        else
        {
            var server = new NpgsqlConnectionStringBuilder(ConnectionString);
            var copies = queries.SelectMany(q => new[] { "-c", $"COPY ({q}) TO STDOUT" });
            await ShellAsync("psql", ["-X", "-q", "-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, "-d", server.Database!, .. copies],
                server.Password);
        }
    }

    private static async Task ShellAsync(string program, IEnumerable<string> arguments, string? password = null)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" > /dev/null");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        // The floor reads with the session settings the batch reader uses.
        start.Environment["PGOPTIONS"] = "-c jit=off -c max_parallel_workers_per_gather=0";
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {errors}");
        }
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}

public static class Progress
{
    public static void Report(string what, int done, int total)
    {
        if (done == total || done % 10_000 == 0)
        {
            Console.Error.WriteLine($"  {what}: {done} of {total}");
        }
    }
}
