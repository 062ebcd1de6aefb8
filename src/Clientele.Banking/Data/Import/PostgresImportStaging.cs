using Clientele.Banking.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Clientele.Banking.Data.Import;

/// <summary>
/// PostgreSQL: clients go to a TEMP table (dropped at the end of the transaction); transactions and transfers are copied
/// straight into their real tables by binary COPY a batch at a time, so a million rows are written once, not staged and
/// then copied again. The staged "tables" of transactions and transfers hold only the client codes the import carries, for
/// the shared checks; the merge then deletes those clients' rows that were there before the import (by id, read under a
/// per-organization lock that keeps two imports of one organization apart). A problem rolls everything back.
/// </summary>
internal sealed class PostgresImportStaging(BankingDbContext db) : ImportStaging(db)
{
    private const int BatchRows = 8192;

    private readonly List<BankClient> clients = [];
    private readonly List<CardTransaction> transactions = [];
    private readonly List<Transfer> transfers = [];
    private readonly HashSet<int> transactionClients = [];
    private readonly HashSet<int> transferClients = [];
    private readonly Dictionary<string, long> lastIdBefore = [];
    private readonly Guid organization = db.CurrentOrganizationId;

    protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync($"""
            SELECT pg_advisory_xact_lock(hashtextextended('banking.import:' || @org::text, 0));
            CREATE TEMP TABLE {Clients} ("ClientCode" integer NOT NULL, "Name" text NOT NULL, "Status" text NOT NULL, "Age" integer NOT NULL, "City" text NOT NULL, "AvgMonthlyBalanceKzt" numeric NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE {Transactions} ("ClientCode" integer NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE {Transfers} ("ClientCode" integer NOT NULL) ON COMMIT DROP;
            """, cancellationToken);
        foreach (var table in new[] { "banking_transactions", "banking_transfers" })
        {
            await using var command = Command($"SELECT COALESCE(MAX(\"Id\"), 0) FROM {table}");
            lastIdBefore[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }

    public override async ValueTask AddAsync(object row, CancellationToken cancellationToken)
    {
        switch (row)
        {
            case BankClient client:
                clients.Add(client);
                ClientRows++;
                if (clients.Count == BatchRows)
                {
                    await CopyClientsAsync(cancellationToken);
                }
                break;
            case CardTransaction transaction:
                transactions.Add(transaction);
                transactionClients.Add(transaction.ClientCode);
                TransactionRows++;
                if (transactions.Count == BatchRows)
                {
                    await CopyTransactionsAsync(cancellationToken);
                }
                break;
            case Transfer transfer:
                transfers.Add(transfer);
                transferClients.Add(transfer.ClientCode);
                TransferRows++;
                if (transfers.Count == BatchRows)
                {
                    await CopyTransfersAsync(cancellationToken);
                }
                break;
        }
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await CopyClientsAsync(cancellationToken);
        await CopyTransactionsAsync(cancellationToken);
        await CopyTransfersAsync(cancellationToken);
        await CopyCodesAsync(transactionClients, Transactions, cancellationToken);
        await CopyCodesAsync(transferClients, Transfers, cancellationToken);
        foreach (var (table, rows) in new[] { (Clients, ClientRows), (Transactions, TransactionRows), (Transfers, TransferRows) })
        {
            if (rows > 0)
            {
                // The planner knows nothing of a fresh temp table; the checks' and the merge's semi-joins need its size.
                await ExecuteAsync($"ANALYZE {table}", cancellationToken);
            }
        }
    }

    private Task CopyClientsAsync(CancellationToken cancellationToken) =>
        CopyAsync(clients, Clients, static (copy, client) =>
        {
            copy.StartRow();
            copy.Write(client.ClientCode, NpgsqlDbType.Integer);
            copy.Write(client.Name, NpgsqlDbType.Text);
            copy.Write(client.Status, NpgsqlDbType.Text);
            copy.Write(client.Age, NpgsqlDbType.Integer);
            copy.Write(client.City, NpgsqlDbType.Text);
            copy.Write(client.AvgMonthlyBalanceKzt, NpgsqlDbType.Numeric);
        }, cancellationToken);

    private Task CopyTransactionsAsync(CancellationToken cancellationToken) =>
        CopyAsync(transactions, $"banking_transactions (\"OrganizationId\", {TransactionColumns})", (copy, transaction) =>
        {
            copy.StartRow();
            copy.Write(organization, NpgsqlDbType.Uuid);
            copy.Write(transaction.ClientCode, NpgsqlDbType.Integer);
            copy.Write(transaction.OccurredAt, NpgsqlDbType.Timestamp);
            copy.Write(transaction.Category, NpgsqlDbType.Text);
            copy.Write(transaction.Amount, NpgsqlDbType.Numeric);
            copy.Write(transaction.Currency, NpgsqlDbType.Text);
            copy.Write(transaction.AmountKzt, NpgsqlDbType.Numeric);
        }, cancellationToken);

    private Task CopyTransfersAsync(CancellationToken cancellationToken) =>
        CopyAsync(transfers, $"banking_transfers (\"OrganizationId\", {TransferColumns})", (copy, transfer) =>
        {
            copy.StartRow();
            copy.Write(organization, NpgsqlDbType.Uuid);
            copy.Write(transfer.ClientCode, NpgsqlDbType.Integer);
            copy.Write(transfer.OccurredAt, NpgsqlDbType.Timestamp);
            copy.Write(transfer.Type, NpgsqlDbType.Text);
            copy.Write(transfer.Direction, NpgsqlDbType.Text);
            copy.Write(transfer.Amount, NpgsqlDbType.Numeric);
            copy.Write(transfer.Currency, NpgsqlDbType.Text);
            copy.Write(transfer.AmountKzt, NpgsqlDbType.Numeric);
        }, cancellationToken);

    private Task CopyCodesAsync(HashSet<int> codes, string table, CancellationToken cancellationToken) =>
        CopyAsync([.. codes], table, static (copy, code) =>
        {
            copy.StartRow();
            copy.Write(code, NpgsqlDbType.Integer);
        }, cancellationToken);

    /// <summary>The rows were copied into <paramref name="table"/> already: only the rows of its clients from before the import go.</summary>
    protected override Task ReplaceAsync(string table, string staged, string columns, CancellationToken cancellationToken) => ExecuteAsync($"""
        DELETE FROM {table} WHERE "OrganizationId" = @org AND "ClientCode" IN (SELECT "ClientCode" FROM {staged}) AND "Id" <= {lastIdBefore[table]}
        """, cancellationToken);

    /// <summary>
    /// Sends the buffered rows to <paramref name="table"/> with one binary COPY and empties the buffer. Values are written with
    /// the synchronous, generic <c>Write&lt;T&gt;</c> (no boxing, no state machine per value): they go to Npgsql's write buffer, and
    /// only a full buffer waits on the socket.
    /// </summary>
    private async Task CopyAsync<TRow>(List<TRow> rows, string table, Action<NpgsqlBinaryImporter, TRow> writeRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using (var copy = await BeginAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                writeRow(copy, row);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        rows.Clear();
    }

    private Task<NpgsqlBinaryImporter> BeginAsync(string copy, CancellationToken cancellationToken) =>
        ((NpgsqlConnection)Connection).BeginBinaryImportAsync(copy, cancellationToken);
}
