using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Platform.Data;

/// <summary>
/// SQLite in write-ahead-log mode: a commit appends to the log with one sync at checkpoints instead of syncing the journal and the
/// database file every time (a single prediction spent most of its write time there), and readers no longer wait for a writer.
/// The mode is stored in the file, so it is set once at migration; <c>synchronous = NORMAL</c> is per connection. A power cut can
/// lose the last commits, never corrupt the file.
/// </summary>
public sealed class SqliteWriteAheadLog : DbConnectionInterceptor
{
    public static readonly SqliteWriteAheadLog Instance = new();

    public static Task EnableAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.IsSqlite() ? context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken) : Task.CompletedTask;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Synchronous(connection).ExecuteNonQuery();

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Synchronous(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Synchronous(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL;";
        return command;
    }
}
