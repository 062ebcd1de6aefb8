using System.Data.Common;
using System.Runtime.CompilerServices;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Banking.Offers;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Recommendations;

/// <summary>
/// Reads clients with their three months of activity page by page (keyset on client code), so a batch over a million clients
/// holds one page in memory: per page one query for the clients, one for their card payments and one for their transfers.
/// Rows are read with a plain data reader over the command EF Core generates (tenant filter and parameters included), not
/// materialised as entities; on SQLite through the connection's handle (<see cref="SqliteActivityRows"/>).
/// </summary>
public static class ClientActivityReader
{
    public static IAsyncEnumerable<IReadOnlyList<ClientActivity>> PagesAsync(BankingDbContext db, int pageSize, CancellationToken cancellationToken) =>
        PipelineAsync(db, pageSize, page => page, cancellationToken);

    /// <summary>
    /// Pages of <paramref name="work"/>'s results: <paramref name="work"/> runs on the thread pool over one page while the next page
    /// is read, and the caller gets each result between two reads, so it may use <paramref name="db"/> itself.
    /// </summary>
    public static async IAsyncEnumerable<TResult> PipelineAsync<TResult>(
        BankingDbContext db, int pageSize, Func<IReadOnlyList<ClientActivity>, TResult> work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync(PostgresReadSettings, cancellationToken);
            }
            var page = await ReadPageAsync(db, int.MinValue, pageSize, cancellationToken);
            while (page.Count > 0)
            {
                var current = page;
                var worked = Task.Run(() => work(current), cancellationToken);
                try
                {
                    page = await ReadPageAsync(db, current[^1].ClientCode, pageSize, cancellationToken);
                }
                catch
                {
                    await worked.ContinueWith(_ => { }, TaskScheduler.Default);
                    throw;
                }
                yield return await worked;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// For this connection only (the pool's <c>RESET ALL</c> undoes it): a page's plan costs enough that PostgreSQL JIT-compiles it
    /// (about 11 ms a query) and splits its scan over parallel workers, which compete with the ranking for the same cores. At 20 000
    /// clients × 600 rows, reading the pages went from 19.4 to 15.1 s.
    /// </summary>
    private const string PostgresReadSettings = "SET jit = off; SET max_parallel_workers_per_gather = 0";

    private static async Task<IReadOnlyList<ClientActivity>> ReadPageAsync(BankingDbContext db, int after, int pageSize, CancellationToken cancellationToken)
    {
        var clients = await db.Clients.AsNoTracking().Where(c => c.ClientCode > after).OrderBy(c => c.ClientCode).Take(pageSize)
            .ToListAsync(cancellationToken);
        if (clients.Count == 0)
        {
            return [];
        }
        var (first, last) = (clients[0].ClientCode, clients[^1].ClientCode);
        var (spending, transfers) = db.Database.IsSqlite()
            ? (SqliteActivityRows.Spending(db, first, last), SqliteActivityRows.Transfers(db, first, last))
            : (await GroupAsync(db.Transactions.Where(t => t.ClientCode >= first && t.ClientCode <= last)
                    .Select(t => new { t.ClientCode, t.OccurredAt, t.Category, t.AmountKzt, t.Currency }),
                    (reader, words) => new SpendingRow(reader.GetDateTime(1), words.Of(reader, 2), reader.GetDecimal(3), words.Of(reader, 4)), cancellationToken),
                await GroupAsync(db.Transfers.Where(t => t.ClientCode >= first && t.ClientCode <= last)
                    .Select(t => new { t.ClientCode, t.OccurredAt, t.Type, t.Direction, t.AmountKzt }),
                    (reader, words) => new TransferRow(reader.GetDateTime(1), words.Of(reader, 2), words.Of(reader, 3), reader.GetDecimal(4)), cancellationToken));
        return clients.Select(c => Activity(c, spending.GetValueOrDefault(c.ClientCode) ?? [], transfers.GetValueOrDefault(c.ClientCode) ?? [])).ToList();
    }

    /// <summary>Rows of <paramref name="query"/> (client code first) by client, in the order the database returns them.</summary>
    private static async Task<Dictionary<int, List<TRow>>> GroupAsync<TRow>(
        IQueryable query, Func<DbDataReader, Words, TRow> row, CancellationToken cancellationToken)
    {
        var rows = new RowsByClient<TRow>();
        var words = new Words();
        await using var command = query.CreateDbCommand();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetInt32(0), row(reader, words));
        }
        return rows.ByClient;
    }

    public static async Task<ClientActivity?> OneAsync(BankingDbContext db, int clientCode, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientCode == clientCode, cancellationToken);
        if (client is null)
        {
            return null;
        }
        var spending = await db.Transactions.AsNoTracking().Where(t => t.ClientCode == clientCode)
            .Select(t => new SpendingRow(t.OccurredAt, t.Category, t.AmountKzt, t.Currency)).ToListAsync(cancellationToken);
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.ClientCode == clientCode)
            .Select(t => new TransferRow(t.OccurredAt, t.Type, t.Direction, t.AmountKzt)).ToListAsync(cancellationToken);
        return Activity(client, spending, transfers);
    }

    /// <summary>The engine sees the client's <see cref="SpendingWindow.ForClient"/>, the same months as the dashboard.</summary>
    public static ClientActivity Activity(BankClient client, IEnumerable<SpendingRow> spending, IEnumerable<TransferRow> transfers)
    {
        var cards = spending as IReadOnlyList<SpendingRow> ?? spending.ToList();
        var moves = transfers as IReadOnlyList<TransferRow> ?? transfers.ToList();
        var window = SpendingWindow.ForClient(cards.Select(s => s.OccurredAt), moves.Select(t => t.OccurredAt));
        return new ClientActivity(client.ClientCode, client.Name, client.Status, client.Age, client.City, client.AvgMonthlyBalanceKzt,
            InTimeOrder(cards, window, s => s.OccurredAt), InTimeOrder(moves, window, t => t.OccurredAt));
    }

    /// <summary>The rows inside <paramref name="window"/> by time, ties in their given order; rows that come in order are not sorted again.</summary>
    private static List<TRow> InTimeOrder<TRow>(IReadOnlyList<TRow> rows, SpendingWindow window, Func<TRow, DateTime> occurredAt)
    {
        var kept = new List<TRow>(rows.Count);
        var (ordered, previous) = (true, DateTime.MinValue);
        foreach (var row in rows)
        {
            var at = occurredAt(row);
            if (window.Contains(at))
            {
                (ordered, previous) = (ordered && previous <= at, at);
                kept.Add(row);
            }
        }
        return ordered ? kept : Sorted(kept, occurredAt);
    }

    // A stable sort by time: each row's position breaks ties, so the keys are distinct and an unstable sort keeps tied rows in order.
    private static List<TRow> Sorted<TRow>(List<TRow> rows, Func<TRow, DateTime> occurredAt)
    {
        var keys = new (long Ticks, int Position)[rows.Count];
        for (var position = 0; position < keys.Length; position++)
        {
            keys[position] = (occurredAt(rows[position]).Ticks, position);
        }
        Array.Sort(keys);
        return [.. keys.Select(key => rows[key.Position])];
    }
}
