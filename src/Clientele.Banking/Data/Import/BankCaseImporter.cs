using Clientele.Banking.Population;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Data.Import;

public sealed record ImportSummary(int Clients, int Transactions, int Transfers);

public sealed record ImportOutcome(ImportSummary? Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Imported is not null;
}

/// <summary>
/// All or nothing: every file is parsed and checked first; only a clean set is written, in one transaction.
/// Clients are upserted by client_code; a client's transactions (or transfers) are replaced when the import carries any.
/// </summary>
public sealed class BankCaseImporter(BankingDbContext db, BankCaseParser parser)
{
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<BankCaseFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new ImportOutcome(null, [new ImportProblem("", 0, "No files: send clients.csv and the client_N_transactions/transfers files (CSV or a .zip of them).")]);
        }
        var parsed = parser.Parse(files);
        var problems = parsed.Problems.ToList();
        var importedCodes = parsed.Clients.Select(c => c.ClientCode).ToHashSet();
        var storedCodes = (await db.Clients.Select(c => c.ClientCode).ToListAsync(cancellationToken)).ToHashSet();
        var unknown = parsed.Transactions.Select(t => t.ClientCode).Concat(parsed.Transfers.Select(t => t.ClientCode))
            .Where(code => !importedCodes.Contains(code) && !storedCodes.Contains(code)).Distinct().Order().ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new ImportProblem("", 0, $"Rows for client_code {string.Join(", ", unknown.Take(20))} that is neither in clients.csv nor already stored."));
        }
        if (problems.Count > 0)
        {
            return new ImportOutcome(null, problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Clients.Where(c => importedCodes.Contains(c.ClientCode)).ToDictionaryAsync(c => c.ClientCode, cancellationToken);
        foreach (var client in parsed.Clients)
        {
            if (existing.TryGetValue(client.ClientCode, out var stored))
            {
                (stored.Name, stored.Status, stored.Age, stored.City, stored.AvgMonthlyBalanceKzt) = (client.Name, client.Status, client.Age, client.City, client.AvgMonthlyBalanceKzt);
            }
            else
            {
                db.Clients.Add(client);
            }
        }
        var transactionCodes = parsed.Transactions.Select(t => t.ClientCode).Distinct().ToList();
        var transferCodes = parsed.Transfers.Select(t => t.ClientCode).Distinct().ToList();
        await db.Transactions.Where(t => transactionCodes.Contains(t.ClientCode)).ExecuteDeleteAsync(cancellationToken);
        await db.Transfers.Where(t => transferCodes.Contains(t.ClientCode)).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Transactions.AddRange(parsed.Transactions);
        db.Transfers.AddRange(parsed.Transfers);
        db.ChangeTracker.DetectChanges();
        await DataVersions.BumpAsync(db, DateTimeOffset.UtcNow, cancellationToken);
        db.Publish("banking.import.completed", new { clients = parsed.Clients.Count, transactions = parsed.Transactions.Count, transfers = parsed.Transfers.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(new ImportSummary(parsed.Clients.Count, parsed.Transactions.Count, parsed.Transfers.Count), []);
    }
}
