using Clientele.Platform.Data;
using System.Globalization;
using Clientele.Banking.Data;
using Clientele.Banking.Data.Import;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Tests;

/// <summary>One in-memory SQLite database; each call gets a fresh context (a request scope) for a given organization.</summary>
internal sealed class ImportDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly List<IDisposable> contexts = [];

    public ImportDatabase()
    {
        connection.Open();
    }

    public BankingDbContext Context(Guid organization)
    {
        var tenant = new TenantContext();
        tenant.Use(organization);
        var context = new BankingDbContext(new DbContextOptionsBuilder<BankingDbContext>().UseModuleDatabase(connection, "banking").Options) { Tenant = tenant };
        context.Database.EnsureCreated();
        contexts.Add(context);
        return context;
    }

    public Task<ImportOutcome> ImportAsync(Guid organization, params BankCaseFile[] files) =>
        new BankCaseImporter(Context(organization), CaseFiles.Parser(), Options.Create(new BankingOptions())).ImportAsync(files, CancellationToken.None);

    /// <summary>Everything an organization can see, as text: counts, every client, and checksums of the amounts.</summary>
    public async Task<Snapshot> SnapshotAsync(Guid organization)
    {
        var db = Context(organization);
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.ClientCode).ToListAsync();
        var transactions = await db.Transactions.AsNoTracking().ToListAsync();
        var transfers = await db.Transfers.AsNoTracking().ToListAsync();
        return new Snapshot(
            clients.Count,
            transactions.Count,
            transfers.Count,
            string.Join("\n", clients.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ClientCode}|{c.Name}|{c.Status}|{c.Age}|{c.City}|{c.AvgMonthlyBalanceKzt}"))),
            transactions.Sum(t => t.AmountKzt),
            transfers.Sum(t => t.AmountKzt),
            string.Join("\n", transactions.OrderBy(t => t.Id).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Id}|{t.ClientCode}|{t.OccurredAt:O}|{t.Category}|{t.Amount}|{t.Currency}|{t.AmountKzt}"))));
    }

    public void Dispose()
    {
        foreach (var context in contexts)
        {
            context.Dispose();
        }
        connection.Dispose();
    }
}

internal sealed record Snapshot(int Clients, int Transactions, int Transfers, string ClientRows, decimal TransactionSum, decimal TransferSum, string TransactionRows);
