using System.Data.Common;
using Clientele.Banking.Domain;

namespace Clientele.Banking.Data.Import;

/// <summary>SQLite: TEMP tables (dropped with the import), each filled by one prepared insert reused row after row.</summary>
internal sealed class SqliteImportStaging(BankingDbContext db) : ImportStaging(db)
{
    private DbCommand? clientInsert;
    private DbCommand? transactionInsert;
    private DbCommand? transferInsert;

    protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await DropTablesAsync(cancellationToken);
        await ExecuteAsync($"""
            CREATE TEMP TABLE {Clients} ("ClientCode" INTEGER NOT NULL, "Name" TEXT NOT NULL, "Status" TEXT NOT NULL, "Age" INTEGER NOT NULL, "City" TEXT NOT NULL, "AvgMonthlyBalanceKzt" TEXT NOT NULL);
            CREATE TEMP TABLE {Transactions} ("ClientCode" INTEGER NOT NULL, "OccurredAt" TEXT NOT NULL, "Category" TEXT NOT NULL, "Amount" TEXT NOT NULL, "Currency" TEXT NOT NULL, "AmountKzt" TEXT NOT NULL);
            CREATE TEMP TABLE {Transfers} ("ClientCode" INTEGER NOT NULL, "OccurredAt" TEXT NOT NULL, "Type" TEXT NOT NULL, "Direction" TEXT NOT NULL, "Amount" TEXT NOT NULL, "Currency" TEXT NOT NULL, "AmountKzt" TEXT NOT NULL);
            """, cancellationToken);
        clientInsert = Insert<BankClient>(Clients, nameof(BankClient.ClientCode), nameof(BankClient.Name), nameof(BankClient.Status), nameof(BankClient.Age),
            nameof(BankClient.City), nameof(BankClient.AvgMonthlyBalanceKzt));
        transactionInsert = Insert<CardTransaction>(Transactions, nameof(CardTransaction.ClientCode), nameof(CardTransaction.OccurredAt), nameof(CardTransaction.Category),
            nameof(CardTransaction.Amount), nameof(CardTransaction.Currency), nameof(CardTransaction.AmountKzt));
        transferInsert = Insert<Transfer>(Transfers, nameof(Transfer.ClientCode), nameof(Transfer.OccurredAt), nameof(Transfer.Type), nameof(Transfer.Direction),
            nameof(Transfer.Amount), nameof(Transfer.Currency), nameof(Transfer.AmountKzt));
    }

    // SQLite runs in process: a synchronous step per row is the fast path (its async methods only wrap the same work).
    public override ValueTask AddAsync(object row, CancellationToken cancellationToken)
    {
        switch (row)
        {
            case BankClient client:
                Run(clientInsert!, client.ClientCode, client.Name, client.Status, client.Age, client.City, client.AvgMonthlyBalanceKzt);
                ClientRows++;
                break;
            case CardTransaction transaction:
                Run(transactionInsert!, transaction.ClientCode, transaction.OccurredAt, transaction.Category, transaction.Amount, transaction.Currency, transaction.AmountKzt);
                TransactionRows++;
                break;
            case Transfer transfer:
                Run(transferInsert!, transfer.ClientCode, transfer.OccurredAt, transfer.Type, transfer.Direction, transfer.Amount, transfer.Currency, transfer.AmountKzt);
                TransferRows++;
                break;
        }
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task DropTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var command in new[] { clientInsert, transactionInsert, transferInsert })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
        (clientInsert, transactionInsert, transferInsert) = (null, null, null);
        await ExecuteAsync($"DROP TABLE IF EXISTS temp.{Clients}; DROP TABLE IF EXISTS temp.{Transactions}; DROP TABLE IF EXISTS temp.{Transfers};", cancellationToken);
    }

    private DbCommand Insert<TEntity>(string table, params string[] properties)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", properties.Select(p => $"\"{p}\""))}) VALUES ({string.Join(", ", properties.Select((_, index) => $"@p{index}"))})";
        for (var index = 0; index < properties.Length; index++)
        {
            command.Parameters.Add(Parameter<TEntity>(command, properties[index], $"@p{index}"));
        }
        command.Prepare();
        return command;
    }

    private static void Run(DbCommand command, params object[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            command.Parameters[index].Value = values[index];
        }
        command.ExecuteNonQuery();
    }
}
