using Clientele.Banking.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Clientele.Banking.Data.Import;

/// <summary>PostgreSQL: TEMP tables dropped at the end of the transaction, filled by binary COPY a batch at a time.</summary>
internal sealed class PostgresImportStaging(BankingDbContext db) : ImportStaging(db)
{
    private const int BatchRows = 8192;

    private readonly List<BankClient> clients = [];
    private readonly List<CardTransaction> transactions = [];
    private readonly List<Transfer> transfers = [];

    protected override Task CreateTablesAsync(CancellationToken cancellationToken) => ExecuteAsync($"""
        CREATE TEMP TABLE {Clients} ("ClientCode" integer NOT NULL, "Name" text NOT NULL, "Status" text NOT NULL, "Age" integer NOT NULL, "City" text NOT NULL, "AvgMonthlyBalanceKzt" numeric NOT NULL) ON COMMIT DROP;
        CREATE TEMP TABLE {Transactions} ("ClientCode" integer NOT NULL, "OccurredAt" timestamp NOT NULL, "Category" text NOT NULL, "Amount" numeric NOT NULL, "Currency" text NOT NULL, "AmountKzt" numeric NOT NULL) ON COMMIT DROP;
        CREATE TEMP TABLE {Transfers} ("ClientCode" integer NOT NULL, "OccurredAt" timestamp NOT NULL, "Type" text NOT NULL, "Direction" text NOT NULL, "Amount" numeric NOT NULL, "Currency" text NOT NULL, "AmountKzt" numeric NOT NULL) ON COMMIT DROP;
        """, cancellationToken);

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
                TransactionRows++;
                if (transactions.Count == BatchRows)
                {
                    await CopyTransactionsAsync(cancellationToken);
                }
                break;
            case Transfer transfer:
                transfers.Add(transfer);
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
        foreach (var (table, rows) in new[] { (Clients, ClientRows), (Transactions, TransactionRows), (Transfers, TransferRows) })
        {
            if (rows > 0)
            {
                // The planner knows nothing of a fresh temp table; the merge's semi-joins need its size.
                await ExecuteAsync($"ANALYZE {table}", cancellationToken);
            }
        }
    }

    private Task CopyClientsAsync(CancellationToken cancellationToken) =>
        CopyAsync(clients, Clients, async (copy, client) =>
        {
            await copy.WriteAsync(client.ClientCode, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(client.Name, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(client.Status, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(client.Age, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(client.City, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(client.AvgMonthlyBalanceKzt, NpgsqlDbType.Numeric, cancellationToken);
        }, cancellationToken);

    private Task CopyTransactionsAsync(CancellationToken cancellationToken) =>
        CopyAsync(transactions, Transactions, async (copy, transaction) =>
        {
            await copy.WriteAsync(transaction.ClientCode, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(transaction.OccurredAt, NpgsqlDbType.Timestamp, cancellationToken);
            await copy.WriteAsync(transaction.Category, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(transaction.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(transaction.Currency, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(transaction.AmountKzt, NpgsqlDbType.Numeric, cancellationToken);
        }, cancellationToken);

    private Task CopyTransfersAsync(CancellationToken cancellationToken) =>
        CopyAsync(transfers, Transfers, async (copy, transfer) =>
        {
            await copy.WriteAsync(transfer.ClientCode, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(transfer.OccurredAt, NpgsqlDbType.Timestamp, cancellationToken);
            await copy.WriteAsync(transfer.Type, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(transfer.Direction, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(transfer.Amount, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(transfer.Currency, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(transfer.AmountKzt, NpgsqlDbType.Numeric, cancellationToken);
        }, cancellationToken);

    /// <summary>Sends the buffered rows to <paramref name="table"/> with one binary COPY and empties the buffer.</summary>
    private async Task CopyAsync<TRow>(List<TRow> rows, string table, Func<NpgsqlBinaryImporter, TRow, Task> writeRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using (var copy = await BeginAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await writeRow(copy, row);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        rows.Clear();
    }

    private Task<NpgsqlBinaryImporter> BeginAsync(string copy, CancellationToken cancellationToken) =>
        ((NpgsqlConnection)Connection).BeginBinaryImportAsync(copy, cancellationToken);
}
