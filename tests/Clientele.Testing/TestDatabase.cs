using Npgsql;

namespace Clientele.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh database for one test server: a temp SQLite file, or a new database on the PostgreSQL the test command started;
/// empty (<see cref="CreateAsync"/>), or a copy of the migrated template (<see cref="CreateMigratedAsync"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CLIENTELE_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string _cleanup;

    private TestDatabase(DatabaseKind kind, string connectionString, string cleanup, string? postgresAdmin)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _cleanup = cleanup;
        _postgresAdmin = postgresAdmin;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string Provider => Kind == DatabaseKind.Sqlite ? "Sqlite" : "Postgres";

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>An empty database: the server that opens it applies every migration itself.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseKind kind) => NewAsync(kind, migrated: false);

    /// <summary>A database already migrated to every module's latest migration, copied from a template made once per test process.</summary>
    public static Task<TestDatabase> CreateMigratedAsync(DatabaseKind kind) => NewAsync(kind, migrated: true);

    private static async Task<TestDatabase> NewAsync(DatabaseKind kind, bool migrated)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"clientele-test-{Guid.NewGuid():N}.db");
            if (migrated)
            {
                File.Copy(await DatabaseTemplates.SqliteFileAsync(), file);
            }
            return new TestDatabase(kind, $"Data Source={file}", file, null);
        }
        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = $"clientele_test_{Guid.NewGuid():N}";
        var template = migrated ? $" TEMPLATE {await DatabaseTemplates.PostgresNameAsync()}" : "";
        await DatabaseTemplates.ExecuteAsync(admin, $"CREATE DATABASE {name}{template}");
        return new TestDatabase(kind, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString, name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_cleanup + suffix);
            }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_cleanup} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
