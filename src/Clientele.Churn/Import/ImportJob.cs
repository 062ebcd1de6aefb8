using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Predictions;
using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Churn.Import;

/// <summary>
/// Imports customers from CSV: rows whose e-mail exists update that customer (unless <c>update_existing</c> is off), the others are
/// added; the imported customers are then scored when a model is active. All or nothing by default: one bad row and nothing is
/// stored, and the job fails with every bad line (up to 100) in its message; with <c>partial</c> the good rows are stored and the
/// bad ones reported in the result.
/// </summary>
public sealed class ImportJob(ChurnDbContext db, CustomerScoring scoring, TimeProvider time) : IJobHandler
{
    public const string JobKind = "churn.import";
    public const string CompletedEvent = "churn.import.completed";
    private const int Page = 500;

    public sealed record Payload(string Csv, bool UpdateExisting, bool Partial);

    public sealed record Result(string Layout, int Created, int Updated, int Skipped, int Scored, IReadOnlyList<CustomerCsv.Problem> Problems);

    public string Kind => JobKind;

    /// <summary>The rows of <paramref name="csv"/> checked as the API checks a body (and for e-mails repeated within the file), with every bad line.</summary>
    public static (string Layout, List<ChurnCustomer> Customers, List<CustomerCsv.Problem> Problems) Check(string csv, DateTimeOffset now)
    {
        var parsed = CustomerCsv.Read(new StringReader(csv));
        var problems = parsed.Problems.ToList();
        var seen = new HashSet<string>();
        var customers = new List<ChurnCustomer>();
        foreach (var row in parsed.Rows)
        {
            var customer = new ChurnCustomer { Name = "", Email = "", CreatedAt = now, LastUpdated = now };
            var errors = row.Input.ApplyTo(customer);
            if (errors.Count > 0)
            {
                problems.Add(new(row.Line, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))));
            }
            else if (!seen.Add(customer.Email))
            {
                problems.Add(new(row.Line, $"email: {customer.Email} appears on an earlier line of this file."));
            }
            else
            {
                customers.Add(customer);
            }
        }
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (parsed.Layout, customers, problems);
    }

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        var now = time.GetUtcNow();
        var (layout, customers, problems) = Check(payload.Csv, now);
        var existing = await db.Customers.AsNoTracking().Select(c => new { c.Email, c.Id }).ToDictionaryAsync(c => c.Email, c => c.Id, cancellationToken);
        var checkedRows = customers.Select(c => (Customer: c, Id: existing.TryGetValue(c.Email, out var id) ? id : (int?)null)).ToList();
        if (problems.Count > 0 && !payload.Partial)
        {
            throw new InvalidOperationException($"Nothing was imported: {problems.Count} bad row(s). "
                + string.Join(" | ", problems.Take(CustomerCsv.MaxReportedProblems).Select(p => $"line {p.Line}: {p.Error}")));
        }
        int created = 0, updated = 0, skipped = 0;
        var imported = new List<int>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var page in checkedRows.Chunk(Page))
        {
            var ids = page.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
            var stored = await db.Customers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var added = new List<ChurnCustomer>();
            foreach (var (customer, id) in page)
            {
                if (id is null)
                {
                    db.Customers.Add(customer);
                    added.Add(customer);
                    created++;
                }
                else if (payload.UpdateExisting)
                {
                    var target = stored[id.Value];
                    customer.Id = target.Id;
                    customer.OrganizationId = target.OrganizationId;
                    customer.CreatedAt = target.CreatedAt;
                    customer.RiskScore = target.RiskScore;
                    customer.ModelVersion = target.ModelVersion;
                    db.Entry(target).CurrentValues.SetValues(customer);
                    imported.Add(target.Id);
                    updated++;
                }
                else
                {
                    skipped++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            imported.AddRange(added.Select(c => c.Id));
            db.ChangeTracker.Clear();
        }
        db.Publish(CompletedEvent, new { created, updated, skipped, bad_rows = problems.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Progress is written on its own connection, so it waits for the commit: inside the transaction SQLite would lock it out.
        await context.ProgressAsync(checkedRows.Count, checkedRows.Count * 2, "Stored customers", cancellationToken);

        var scored = 0;
        foreach (var page in imported.Chunk(Page))
        {
            var stored = await db.Customers.AsNoTracking().Where(c => page.Contains(c.Id)).ToListAsync(cancellationToken);
            scored += (await scoring.ScorePageAsync(db, stored, RiskSources.Batch, cancellationToken)).Count;
            db.ChangeTracker.Clear();
            await context.ProgressAsync(checkedRows.Count + scored, checkedRows.Count * 2, "Scoring imported customers", cancellationToken);
        }
        return new Result(layout, created, updated, skipped, scored, problems.Take(CustomerCsv.MaxReportedProblems).ToList());
    }
}
