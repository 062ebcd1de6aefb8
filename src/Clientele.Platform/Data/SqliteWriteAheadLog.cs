using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Platform.Data;

/// <summary>
/// SQLite in write-ahead-log mode: a commit appends to the log instead of syncing the journal and the database file every time
/// (a single prediction spent most of its write time there), and readers no longer wait for a writer. The mode is stored in the
/// file, so it is set once at migration; <c>synchronous = NORMAL</c> is per connection, set once per pooled connection. A power
/// cut can lose the last commits, never corrupt the file. Checkpoints (copying the log into the file, with a sync) run in the
/// background (<see cref="SqliteCheckpoints"/>); a connection checkpoints by itself only when the log passes
/// <see cref="AutoCheckpointPages"/>, as a safety net.
/// </summary>
public sealed class SqliteWriteAheadLog : DbConnectionInterceptor
{
    public const int AutoCheckpointPages = 10_000;
    public static readonly SqliteWriteAheadLog Instance = new();

    // Keyed by the native handle, which the pool keeps across opens, so the pragmas run once per physical connection.
    private readonly ConditionalWeakTable<object, object> configured = [];

    public static Task EnableAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.IsSqlite() ? context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken) : Task.CompletedTask;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Pragmas(connection) is { } command)
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Pragmas(connection) is { } command)
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private DbCommand? Pragmas(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || configured.TryGetValue(handle, out _))
        {
            return null;
        }
        configured.AddOrUpdate(handle, handle);
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};";
        return command;
    }
}
