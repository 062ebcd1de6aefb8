using System.Globalization;
using System.Text;
using Clientele.Banking.Domain;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Clientele.Banking.Data.Import;

/// <summary>
/// SQLite: TEMP tables (dropped with the import), each filled by one statement prepared on the connection's own handle and
/// reused row after row, values bound by position as UTF-8 (what <c>sqlite3 .import</c> does). Through ADO.NET each row cost a
/// data reader and a by-name lookup and a string per parameter, several times the insert itself.
/// </summary>
internal sealed class SqliteImportStaging(BankingDbContext db) : ImportStaging(db)
{
    private RowInsert? clients;
    private RowInsert? transactions;
    private RowInsert? transfers;

    protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await DropTablesAsync(cancellationToken);
        await ExecuteAsync($"""
            CREATE TEMP TABLE {Clients} ("ClientCode" INTEGER NOT NULL, "Name" TEXT NOT NULL, "Status" TEXT NOT NULL, "Age" INTEGER NOT NULL, "City" TEXT NOT NULL, "AvgMonthlyBalanceKzt" TEXT NOT NULL);
            CREATE TEMP TABLE {Transactions} ("ClientCode" INTEGER NOT NULL, "OccurredAt" TEXT NOT NULL, "Category" TEXT NOT NULL, "Amount" TEXT NOT NULL, "Currency" TEXT NOT NULL, "AmountKzt" TEXT NOT NULL);
            CREATE TEMP TABLE {Transfers} ("ClientCode" INTEGER NOT NULL, "OccurredAt" TEXT NOT NULL, "Type" TEXT NOT NULL, "Direction" TEXT NOT NULL, "Amount" TEXT NOT NULL, "Currency" TEXT NOT NULL, "AmountKzt" TEXT NOT NULL);
            """, cancellationToken);
        var handle = ((SqliteConnection)Connection).Handle!;
        clients = new RowInsert(handle, $"INSERT INTO {Clients} VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        transactions = new RowInsert(handle, $"INSERT INTO {Transactions} VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        transfers = new RowInsert(handle, $"INSERT INTO {Transfers} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    }

    // SQLite runs in process: synchronous steps are the fast path (its async methods only wrap the same work).
    public override ValueTask AddAsync(object row, CancellationToken cancellationToken)
    {
        switch (row)
        {
            case BankClient client:
                clients!.Int(1, client.ClientCode).Text(2, client.Name).Text(3, client.Status).Int(4, client.Age).Text(5, client.City)
                    .Decimal(6, client.AvgMonthlyBalanceKzt).Run();
                ClientRows++;
                break;
            case CardTransaction transaction:
                transactions!.Int(1, transaction.ClientCode).Date(2, transaction.OccurredAt).Text(3, transaction.Category).Decimal(4, transaction.Amount)
                    .Text(5, transaction.Currency).Decimal(6, transaction.AmountKzt).Run();
                TransactionRows++;
                break;
            case Transfer transfer:
                transfers!.Int(1, transfer.ClientCode).Date(2, transfer.OccurredAt).Text(3, transfer.Type).Text(4, transfer.Direction)
                    .Decimal(5, transfer.Amount).Text(6, transfer.Currency).Decimal(7, transfer.AmountKzt).Run();
                TransferRows++;
                break;
        }
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task DropTablesAsync(CancellationToken cancellationToken)
    {
        clients?.Dispose();
        transactions?.Dispose();
        transfers?.Dispose();
        (clients, transactions, transfers) = (null, null, null);
        await ExecuteAsync($"DROP TABLE IF EXISTS temp.{Clients}; DROP TABLE IF EXISTS temp.{Transactions}; DROP TABLE IF EXISTS temp.{Transfers};", cancellationToken);
    }

    /// <summary>
    /// One prepared INSERT and its values, bound by position in the forms Microsoft.Data.Sqlite (so EF) stores them: integers,
    /// UTF-8 text, decimals as <c>0.0###…</c> text, dates as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> text.
    /// </summary>
    private sealed class RowInsert : IDisposable
    {
        private const string DecimalFormat = "0.0###########################";
        private const string DateFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

        private readonly sqlite3 handle;
        private readonly sqlite3_stmt statement;
        private byte[] scratch = new byte[1024];

        public RowInsert(sqlite3 handle, string sql)
        {
            this.handle = handle;
            Check(raw.sqlite3_prepare_v2(handle, sql, out statement));
        }

        public RowInsert Int(int index, long value)
        {
            Check(raw.sqlite3_bind_int64(statement, index, value));
            return this;
        }

        public RowInsert Text(int index, string value)
        {
            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (length > scratch.Length)
            {
                scratch = new byte[length];
            }
            return Bind(index, Encoding.UTF8.GetBytes(value, scratch));
        }

        public RowInsert Decimal(int index, decimal value) =>
            value.TryFormat(scratch, out var written, DecimalFormat, CultureInfo.InvariantCulture) ? Bind(index, written) : throw new FormatException($"{value} does not fit the bind buffer.");

        public RowInsert Date(int index, DateTime value) =>
            value.TryFormat(scratch, out var written, DateFormat, CultureInfo.InvariantCulture) ? Bind(index, written) : throw new FormatException($"{value} does not fit the bind buffer.");

        /// <summary>Binds the first <paramref name="length"/> bytes of the scratch buffer (SQLite copies them).</summary>
        private RowInsert Bind(int index, int length)
        {
            Check(raw.sqlite3_bind_text(statement, index, scratch.AsSpan(0, length)));
            return this;
        }

        public void Run()
        {
            var done = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (done != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(done, handle);
            }
        }

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(result, handle);
            }
        }

        public void Dispose() => statement.Dispose();
    }
}
