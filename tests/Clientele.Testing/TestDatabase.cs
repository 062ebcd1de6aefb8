using Npgsql;

namespace Clientele.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, empty database for one test server: a temp SQLite file, or a new database on the PostgreSQL the test command started.</summary>
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

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"clientele-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(kind, $"Data Source={file}", file, null);
        }
        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = $"clientele_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
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
