using System.Globalization;
using System.Text.Json;
using Clientele.Platform.Events;
using Clientele.Retail.Data;
using Clientele.Retail.Sales;
using Clientele.Retail.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Retail.Import;

public sealed record ImportCounts(int Products, int Customers, int Timeframe, int Transactions, int Sales);

/// <summary>What an import did: the rows it stored, or (nothing stored) its problems, the first <see cref="RetailImporter.MaxProblems"/> of them.</summary>
public sealed record ImportOutcome(
    string Status, string Mode, ImportCounts? Imported, int ProblemCount, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Skipped)
{
    public bool Succeeded => Imported is not null;
}

/// <summary>
/// All or nothing: every file is parsed and every row checked (fields, duplicates, ids already stored, references, the
/// amount rule) before anything is written; a clean import is written in one database transaction with its event.
/// <c>append</c> adds to what is stored and refuses ids (and dates) that are taken; <c>replace</c> first deletes every
/// retail row of the organization, in the same transaction.
/// </summary>
public sealed class RetailImporter(RetailDbContext db, IOptions<RetailOptions> options, TimeProvider time)
{
    public const string Append = "append";
    public const string Replace = "replace";
    public static readonly IReadOnlyList<string> Modes = [Append, Replace];
    public const int MaxProblems = 200;
    private const int BatchSize = 5000;

    /// <summary>Progress as (percent, message).</summary>
    public delegate Task Progress(int percent, string message);

    public async Task<ImportOutcome> ImportAsync(IReadOnlyList<RetailCsvFile> files, string mode, Progress progress, CancellationToken cancellationToken,
        RetailImport? import = null)
    {
        var data = files.Count == 0 ? Empty() : await ParseAsync(files, progress);
        if (data.Rows == 0 && data.Problems.Count == 0)
        {
            data.Problems.Add(new ImportProblem("", 0, "None of the files is a products, customers, timeframe, transactions or sales table (told apart by the header)."));
        }
        if (data.Problems.Count == 0)
        {
            await progress(40, $"Checking {data.Rows} rows against what is stored");
            await CheckAgainstStoredAsync(data, mode, cancellationToken);
        }
        if (data.Problems.Count > 0)
        {
            var rejected = new ImportOutcome(RetailImport.Rejected, mode, null, data.Problems.Count, data.Problems.Take(MaxProblems).ToList(), data.Skipped);
            if (import is not null)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await FinishAsync(import, rejected, cancellationToken);
                db.Publish(RetailEvents.ImportRejected, new { import_id = import.Id, mode, problem_count = rejected.ProblemCount });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            return rejected;
        }
        return await WriteAsync(data, mode, progress, import, cancellationToken);
    }

    private static RetailCsvData Empty()
    {
        var data = new RetailCsvData();
        data.Problems.Add(new ImportProblem("", 0, "No files: send products, customers, timeframe, transactions and/or sales CSV files (or a .zip of them)."));
        return data;
    }

    private async Task<RetailCsvData> ParseAsync(IReadOnlyList<RetailCsvFile> files, Progress progress)
    {
        var data = new RetailCsvData();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        for (var i = 0; i < files.Count; i++)
        {
            await progress(i * 35 / files.Count, $"Reading {files[i].Name} ({i + 1} of {files.Count} files)");
            RetailCsvParser.ParseInto(data, files[i], today);
        }
        return data;
    }

    private async Task CheckAgainstStoredAsync(RetailCsvData data, string mode, CancellationToken cancellationToken)
    {
        var append = mode == Append;
        async Task<HashSet<int>> StoredAsync(IQueryable<int> numbers) => append ? (await numbers.ToListAsync(cancellationToken)).ToHashSet() : [];
        var products = await StoredAsync(db.Products.Select(p => p.Sku));
        var customers = await StoredAsync(db.Customers.Select(c => c.CustomerId));
        var days = await StoredAsync(db.Timeframe.Select(t => t.TimeId));
        var transactions = await StoredAsync(db.Transactions.Select(t => t.TransactionId));
        var sales = await StoredAsync(db.Sales.Select(s => s.SaleId));
        var dates = append ? (await db.Timeframe.Select(t => t.Date).ToListAsync(cancellationToken)).ToHashSet() : [];

        Unique(data, data.Products, p => p.Sku, "product_sku", products);
        Unique(data, data.Customers, c => c.CustomerId, "customer_id", customers);
        Unique(data, data.Timeframe, t => t.TimeId, "time_id", days);
        Unique(data, data.Transactions, t => t.TransactionId, "transaction_id", transactions);
        Unique(data, data.Sales, s => s.SaleId, "sale_id", sales);
        var seenDates = new HashSet<DateOnly>();
        foreach (var day in data.Timeframe.Where(d => dates.Contains(d.Row.Date) || !seenDates.Add(d.Row.Date)))
        {
            data.Problems.Add(new ImportProblem(day.File, day.Line, $"date: {day.Row.Date:yyyy-MM-dd} is already in the calendar; it has one row per date."));
        }

        products.UnionWith(data.Products.Select(p => p.Row.Sku));
        customers.UnionWith(data.Customers.Select(c => c.Row.CustomerId));
        days.UnionWith(data.Timeframe.Select(t => t.Row.TimeId));
        transactions.UnionWith(data.Transactions.Select(t => t.Row.TransactionId));
        foreach (var (file, line, transaction) in data.Transactions)
        {
            Refers(data, file, line, "customer_id", transaction.CustomerId, customers, "Customer");
            Refers(data, file, line, "time_id", transaction.TimeId, days, "Timeframe");
        }
        foreach (var (file, line, sale) in data.Sales)
        {
            Refers(data, file, line, "transaction_id", sale.TransactionId, transactions, "Transaction");
            Refers(data, file, line, "product_sku", sale.ProductSku, products, "Product");
        }
        if (data.Problems.Count == 0)
        {
            await CheckAmountsAsync(data, append, cancellationToken);
        }
    }

    /// <summary>Every transaction that gets lines must still satisfy the amount rule with all of them (those stored included).</summary>
    private async Task CheckAmountsAsync(RetailCsvData data, bool append, CancellationToken cancellationToken)
    {
        var maxDiscount = options.Value.MaxDiscount;
        var added = data.Sales.GroupBy(s => s.Row.TransactionId).ToDictionary(g => g.Key, g => g.Sum(s => s.Row.LineTotal));
        var imported = data.Transactions.ToDictionary(t => t.Row.TransactionId);
        var storedIds = added.Keys.Where(id => !imported.ContainsKey(id)).ToList();
        var stored = append && storedIds.Count > 0
            ? await db.Transactions.AsNoTracking().Where(t => storedIds.Contains(t.TransactionId)).ToDictionaryAsync(t => t.TransactionId, cancellationToken)
            : [];
        foreach (var (transactionId, lines) in added.OrderBy(a => a.Key))
        {
            var (file, line, amount, linesTotal) = imported.TryGetValue(transactionId, out var row)
                ? (row.File, row.Line, row.Row.Amount, lines)
                : (data.Sales.First(s => s.Row.TransactionId == transactionId).File, data.Sales.First(s => s.Row.TransactionId == transactionId).Line,
                    stored[transactionId].Amount, stored[transactionId].LinesTotal + lines);
            if (!AmountRule.Holds(amount, linesTotal, maxDiscount))
            {
                data.Problems.Add(new ImportProblem(file, line, "transaction_amount: " + AmountRule.Explain(transactionId, amount, linesTotal, maxDiscount)));
            }
        }
    }

    private static void Unique<T>(RetailCsvData data, List<Located<T>> rows, Func<T, int> id, string column, HashSet<int> stored)
    {
        var seen = new Dictionary<int, int>();
        foreach (var (file, line, row) in rows)
        {
            var number = id(row);
            if (stored.Contains(number))
            {
                data.Problems.Add(new ImportProblem(file, line, $"{column}: {number} is already stored; import with mode=replace to replace everything."));
            }
            else if (!seen.TryAdd(number, line))
            {
                data.Problems.Add(new ImportProblem(file, line, $"{column}: {number} appears again (first on line {seen[number]})."));
            }
        }
    }

    private static void Refers(RetailCsvData data, string file, int line, string column, int id, HashSet<int> known, string what)
    {
        if (!known.Contains(id))
        {
            data.Problems.Add(new ImportProblem(file, line, $"{column}: {what} {id} not found (neither imported nor stored)."));
        }
    }

    private async Task<ImportOutcome> WriteAsync(RetailCsvData data, string mode, Progress progress, RetailImport? import, CancellationToken cancellationToken)
    {
        // SQLite has one writer: progress goes to the jobs table through another connection, which would wait for this
        // transaction. There the write reports nothing until it is done.
        var reportWhileWriting = !db.Database.IsSqlite();
        await progress(50, $"Writing {data.Rows} rows");
        var lines = data.Sales.GroupBy(s => s.Row.TransactionId).ToDictionary(g => g.Key, g => g.Sum(s => s.Row.LineTotal));
        foreach (var (_, _, transaction) in data.Transactions)
        {
            transaction.LinesTotal = lines.GetValueOrDefault(transaction.TransactionId);
        }
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (mode == Replace)
            {
                await db.Sales.ExecuteDeleteAsync(cancellationToken);
                await db.Transactions.ExecuteDeleteAsync(cancellationToken);
                await db.Timeframe.ExecuteDeleteAsync(cancellationToken);
                await db.Customers.ExecuteDeleteAsync(cancellationToken);
                await db.Products.ExecuteDeleteAsync(cancellationToken);
            }
            var written = 0;
            async Task InsertAsync<T>(List<Located<T>> rows) where T : class
            {
                foreach (var batch in rows.Select(r => r.Row).Chunk(BatchSize))
                {
                    db.ChangeTracker.AutoDetectChangesEnabled = false;
                    db.AddRange(batch);
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    written += batch.Length;
                    if (reportWhileWriting)
                    {
                        await progress(50 + (int)(written * 49L / Math.Max(data.Rows, 1)), $"Written {written} of {data.Rows} rows");
                    }
                }
            }
            await InsertAsync(data.Products);
            await InsertAsync(data.Customers);
            await InsertAsync(data.Timeframe);
            await InsertAsync(data.Transactions);
            var importedIds = data.Transactions.Select(t => t.Row.TransactionId).ToHashSet();
            foreach (var (transactionId, total) in lines.Where(l => !importedIds.Contains(l.Key)))
            {
                var linesTotal = total + await db.Transactions.Where(t => t.TransactionId == transactionId).Select(t => t.LinesTotal).FirstAsync(cancellationToken);
                await db.Transactions.Where(t => t.TransactionId == transactionId)
                    .ExecuteUpdateAsync(u => u.SetProperty(t => t.LinesTotal, linesTotal).SetProperty(t => t.Version, t => t.Version + 1), cancellationToken);
            }
            await InsertAsync(data.Sales);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            var counts = new ImportCounts(data.Products.Count, data.Customers.Count, data.Timeframe.Count, data.Transactions.Count, data.Sales.Count);
            var outcome = new ImportOutcome(RetailImport.Imported, mode, counts, 0, [], data.Skipped);
            if (import is not null)
            {
                await FinishAsync(import, outcome, cancellationToken);
            }
            db.Publish(RetailEvents.ImportCompleted, new
            {
                import_id = import?.Id, mode, products = counts.Products, customers = counts.Customers, timeframe = counts.Timeframe,
                transactions = counts.Transactions, sales = counts.Sales,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        });
    }

    /// <summary>Stores the outcome on the import and drops its files, in the caller's transaction.</summary>
    private async Task FinishAsync(RetailImport import, ImportOutcome outcome, CancellationToken cancellationToken)
    {
        var stored = await db.Imports.FirstAsync(i => i.Id == import.Id, cancellationToken);
        stored.Status = outcome.Status;
        stored.Outcome = JsonSerializer.Serialize(outcome, EventJson.Options);
        stored.FinishedAt = time.GetUtcNow();
        await db.ImportFiles.Where(f => f.ImportId == import.Id).ExecuteDeleteAsync(cancellationToken);
    }

    internal static string Describe(ImportCounts counts) => string.Create(CultureInfo.InvariantCulture,
        $"{counts.Products} products, {counts.Customers} customers, {counts.Timeframe} timeframe rows, {counts.Transactions} transactions, {counts.Sales} sales");
}
