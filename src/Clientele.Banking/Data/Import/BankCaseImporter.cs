using Clientele.Banking.Population;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Data.Import;

public sealed record ImportSummary(int Clients, int Transactions, int Transfers);

public sealed record ImportOutcome(ImportSummary? Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Imported is not null;
}

/// <summary>
/// All or nothing, streaming: in one transaction, every file is read row by row into staging tables (<see cref="ImportStaging"/>),
/// then checked and merged set-based; any problem rolls everything back. Clients are upserted by client_code; a client's
/// transactions (or transfers) are replaced when the import carries any.
/// </summary>
public sealed class BankCaseImporter(BankingDbContext db, BankCaseParser parser, IOptions<BankingOptions> options)
{
    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<BankCaseFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new ImportOutcome(null, [new ImportProblem("", 0, "No files: send clients.csv and the client_N_transactions/transfers files (CSV or a .zip of them).")]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var staging = await ImportStaging.CreateAsync(db, cancellationToken);
        var problems = await ReadAsync(files, staging, cancellationToken);
        if (problems.Count == 0)
        {
            await staging.FlushAsync(cancellationToken);
            problems.AddRange(await staging.ProblemsAsync(cancellationToken));
        }
        if (problems.Count > 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return new ImportOutcome(null, problems);
        }
        await staging.MergeAsync(cancellationToken);
        var imported = staging.Counted;
        await DataVersions.BumpAsync(db, DateTimeOffset.UtcNow, cancellationToken);
        db.Publish("banking.import.completed", new { clients = imported.Clients, transactions = imported.Transactions, transfers = imported.Transfers });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(imported, []);
    }

    /// <summary>Stages every valid row until the first problem, then only reads on to report more (up to <see cref="BankCaseParser.MaxProblems"/>).</summary>
    private async Task<List<ImportProblem>> ReadAsync(IReadOnlyList<BankCaseFile> files, ImportStaging staging, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var maxLineBytes = options.Value.Import.MaxLineBytes;
        foreach (var file in files)
        {
            try
            {
                foreach (var row in parser.Read(file, problems, maxLineBytes))
                {
                    if (problems.Count == 0)
                    {
                        await staging.AddAsync(row, cancellationToken);
                    }
                }
            }
            catch (ImportLimitException limit)
            {
                problems.Add(limit.Problem);
                return problems;
            }
            catch (InvalidDataException) when (file.Archive is not null)
            {
                problems.Add(new ImportProblem(file.Archive, 0, $"Not a valid .zip archive: {file.Name} cannot be unpacked.") { WholeFile = true });
                return problems;
            }
            if (problems.Count >= BankCaseParser.MaxProblems)
            {
                break;
            }
        }
        return problems;
    }
}
