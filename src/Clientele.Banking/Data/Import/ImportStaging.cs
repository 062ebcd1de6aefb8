using System.Data.Common;
using Clientele.Banking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clientele.Banking.Data.Import;

/// <summary>
/// Temporary tables that take the parsed rows of one import as they are read (binary COPY on PostgreSQL, prepared and reused
/// inserts on SQLite), then set-based checks and one merge into the real tables, all in the caller's transaction. No entity is
/// tracked and no more than a batch of rows is held in memory.
/// </summary>
public abstract class ImportStaging(BankingDbContext db)
{
    protected const string Clients = "banking_import_clients";
    protected const string Transactions = "banking_import_transactions";
    protected const string Transfers = "banking_import_transfers";

    private const string ClientColumns = "\"ClientCode\", \"Name\", \"Status\", \"Age\", \"City\", \"AvgMonthlyBalanceKzt\"";
    protected const string TransactionColumns = "\"ClientCode\", \"OccurredAt\", \"Category\", \"Amount\", \"Currency\", \"AmountKzt\"";
    protected const string TransferColumns = "\"ClientCode\", \"OccurredAt\", \"Type\", \"Direction\", \"Amount\", \"Currency\", \"AmountKzt\"";

    protected BankingDbContext Db => db;
    protected DbConnection Connection => db.Database.GetDbConnection();
    protected DbTransaction? Transaction => db.Database.CurrentTransaction?.GetDbTransaction();

    public ImportSummary Counted => new(ClientRows, TransactionRows, TransferRows);
    protected int ClientRows { get; set; }
    protected int TransactionRows { get; set; }
    protected int TransferRows { get; set; }

    /// <summary>Staging for the context's provider; call inside the import's transaction.</summary>
    public static async Task<ImportStaging> CreateAsync(BankingDbContext db, CancellationToken cancellationToken)
    {
        ImportStaging staging = db.Database.IsNpgsql() ? new PostgresImportStaging(db) : new SqliteImportStaging(db);
        await staging.CreateTablesAsync(cancellationToken);
        return staging;
    }

    protected abstract Task CreateTablesAsync(CancellationToken cancellationToken);

    public abstract ValueTask AddAsync(object row, CancellationToken cancellationToken);

    /// <summary>Writes what is still buffered.</summary>
    public abstract Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Client codes twice in the import, and rows for clients neither imported nor stored.</summary>
    public async Task<List<ImportProblem>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        await using (var duplicates = Command($"SELECT \"ClientCode\", COUNT(*) FROM {Clients} GROUP BY \"ClientCode\" HAVING COUNT(*) > 1 ORDER BY 1 LIMIT 100"))
        await using (var reader = await duplicates.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add(BankCaseParser.Duplicate(reader.GetInt32(0), reader.GetInt64(1)));
            }
        }
        var unknown = new List<int>();
        await using (var orphans = Command($"""
            SELECT DISTINCT "ClientCode" FROM (SELECT "ClientCode" FROM {Transactions} UNION SELECT "ClientCode" FROM {Transfers}) AS carried
            WHERE "ClientCode" NOT IN (SELECT "ClientCode" FROM {Clients})
              AND "ClientCode" NOT IN (SELECT "ClientCode" FROM banking_clients WHERE "OrganizationId" = @org)
            ORDER BY 1 LIMIT 20
            """))
        await using (var reader = await orphans.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                unknown.Add(reader.GetInt32(0));
            }
        }
        if (unknown.Count > 0)
        {
            problems.Add(new ImportProblem("", 0, $"Rows for client_code {string.Join(", ", unknown)} that is neither in clients.csv nor already stored."));
        }
        return problems;
    }

    /// <summary>
    /// Upserts the clients by client code, replaces the transactions (transfers) of every client the import carries any for,
    /// and drops the staging tables.
    /// </summary>
    public async Task MergeAsync(CancellationToken cancellationToken)
    {
        if (ClientRows > 0)
        {
            await ExecuteAsync($"""
                INSERT INTO banking_clients ("OrganizationId", {ClientColumns})
                SELECT @org, {ClientColumns} FROM {Clients} WHERE true
                ON CONFLICT ("OrganizationId", "ClientCode") DO UPDATE SET "Name" = excluded."Name", "Status" = excluded."Status",
                    "Age" = excluded."Age", "City" = excluded."City", "AvgMonthlyBalanceKzt" = excluded."AvgMonthlyBalanceKzt"
                """, cancellationToken);
        }
        if (TransactionRows > 0)
        {
            await ReplaceAsync("banking_transactions", Transactions, TransactionColumns, cancellationToken);
        }
        if (TransferRows > 0)
        {
            await ReplaceAsync("banking_transfers", Transfers, TransferColumns, cancellationToken);
        }
        await DropTablesAsync(cancellationToken);
    }

    protected virtual Task DropTablesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces the rows of <paramref name="table"/> of every client in <paramref name="staged"/> by the staged ones.</summary>
    protected virtual async Task ReplaceAsync(string table, string staged, string columns, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"DELETE FROM {table} WHERE \"OrganizationId\" = @org AND \"ClientCode\" IN (SELECT \"ClientCode\" FROM {staged})", cancellationToken);
        await ExecuteAsync($"INSERT INTO {table} (\"OrganizationId\", {columns}) SELECT @org, {columns} FROM {staged}", cancellationToken);
    }

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A command in the import's transaction with <c>@org</c>, the current organization as EF stores it.</summary>
    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.CommandTimeout = 0;
        command.Parameters.Add(Parameter<BankClient>(command, nameof(BankClient.OrganizationId), "@org", db.CurrentOrganizationId));
        return command;
    }

    /// <summary>A parameter typed and converted as EF writes the property (SQLite: upper-case GUID text, decimal text).</summary>
    protected DbParameter Parameter<TEntity>(DbCommand command, string property, string name, object? value = null)
    {
        var mapping = (RelationalTypeMapping)db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping();
        return mapping.CreateParameter(command, name, value is null || mapping.Converter is null ? value : mapping.Converter.ConvertToProvider(value));
    }
}
