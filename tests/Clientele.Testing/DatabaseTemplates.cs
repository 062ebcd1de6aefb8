using Clientele.Banking;
using Clientele.Churn;
using Clientele.Leads;
using Clientele.Platform;
using Clientele.Platform.Data;
using Clientele.Retail;
using Clientele.Visitors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Clientele.Testing;

/// <summary>
/// One migrated, otherwise empty database per kind and test process, copied for each test server (a SQLite file copy,
/// PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>): applying every module's migrations took seconds per server, a copy takes
/// milliseconds. Only migrations run here, no bootstrap (no default organization), so each copy is what a fresh server
/// would migrate for itself; the server's own startup then finds nothing pending.
/// </summary>
internal static class DatabaseTemplates
{
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresAsync);

    public static Task<string> SqliteFileAsync() => SqliteTemplate.Value;

    public static Task<string> PostgresNameAsync() => PostgresTemplate.Value;

    private static async Task<string> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"clientele-template-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        await MigrateAsync("Sqlite", connectionString);
        // Closing the last connection checkpoints the write-ahead log into the file, so the file alone is the database.
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        };
        return file;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var admin = TestDatabase.PostgresAdmin ?? throw new InvalidOperationException(
            $"{TestDatabase.PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = $"clientele_template_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        // Unpooled: CREATE DATABASE … TEMPLATE refuses a template that has open connections.
        await MigrateAsync("Postgres", new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The test command's server may be stopping already; it is deleted with all its databases.
            }
        };
        return name;
    }

    /// <summary>Every module's migrations, as the server's startup applies them, with the server's module list.</summary>
    private static async Task MigrateAsync(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clientele:Database:Provider"] = provider,
            ["ConnectionStrings:Clientele"] = connectionString,
            ["Clientele:Demo:Enabled"] = "false",
        });
        builder.Services.AddClientelePlatform();
        builder.Services.AddBanking(builder.Configuration);
        builder.Services.AddRetail(builder.Configuration);
        builder.Services.AddChurn(builder.Configuration);
        builder.Services.AddVisitors(builder.Configuration);
        builder.Services.AddLeads(builder.Configuration);
        await using var app = builder.Build();
        await DatabaseMigrator.MigrateAllAsync(app.Services);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
