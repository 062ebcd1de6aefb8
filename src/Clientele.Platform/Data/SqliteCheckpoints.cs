using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file every second, off the request path (a passive checkpoint waits for
/// no reader or writer), so a request's commit never pays for the sync a checkpoint needs. Idle on PostgreSQL.
/// </summary>
public sealed partial class SqliteCheckpoints(DatabaseSettingsAccessor database, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = database.Settings;
        if (settings.Provider != DatabaseProvider.Sqlite || new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource is "" or ":memory:")
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(settings.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException exception)
            {
                LogCheckpointFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "SQLite checkpoint failed: {Error}")]
    private static partial void LogCheckpointFailed(ILogger logger, string error);
}
