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

    private async Task CopyClientsAsync(CancellationToken cancellationToken)
    {
        if (clients.Count == 0)
        {
            return;
        }
        await using (var copy = await BeginAsync($"COPY {Clients} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var client in clients)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(client.ClientCode, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(client.Name, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(client.Status, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(client.Age, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(client.City, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(client.AvgMonthlyBalanceKzt, NpgsqlDbType.Numeric, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        clients.Clear();
    }

    private async Task CopyTransactionsAsync(CancellationToken cancellationToken)
    {
        if (transactions.Count == 0)
        {
            return;
        }
        await using (var copy = await BeginAsync($"COPY {Transactions} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var transaction in transactions)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(transaction.ClientCode, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(transaction.OccurredAt, NpgsqlDbType.Timestamp, cancellationToken);
                await copy.WriteAsync(transaction.Category, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(transaction.Amount, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(transaction.Currency, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(transaction.AmountKzt, NpgsqlDbType.Numeric, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        transactions.Clear();
    }

    private async Task CopyTransfersAsync(CancellationToken cancellationToken)
    {
        if (transfers.Count == 0)
        {
            return;
        }
        await using (var copy = await BeginAsync($"COPY {Transfers} FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var transfer in transfers)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(transfer.ClientCode, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(transfer.OccurredAt, NpgsqlDbType.Timestamp, cancellationToken);
                await copy.WriteAsync(transfer.Type, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(transfer.Direction, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(transfer.Amount, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(transfer.Currency, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(transfer.AmountKzt, NpgsqlDbType.Numeric, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        transfers.Clear();
    }

    private Task<NpgsqlBinaryImporter> BeginAsync(string copy, CancellationToken cancellationToken) =>
        ((NpgsqlConnection)Connection).BeginBinaryImportAsync(copy, cancellationToken);
}
