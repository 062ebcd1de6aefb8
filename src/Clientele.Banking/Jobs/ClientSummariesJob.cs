using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Jobs;

/// <summary>
/// Computes every client's monthly card spending per category into <c>banking_client_monthly_spending</c>, a page of clients at a
/// time (keyset on client code): one read of the page's card payments, one transaction replacing the page's rows, one progress
/// call (which the platform writes at most once per percent or second). Running again (a retry, or after a worker died
/// mid-way) replaces rows and never duplicates one.
/// </summary>
public sealed class ClientSummariesJob(BankingDbContext db, IOptions<SummaryOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobKind = "banking.client-summaries";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var total = await db.Clients.CountAsync(cancellationToken);
        await context.ReportAsync(0, $"0 of {total} clients", cancellationToken);
        var pageSize = Math.Max(1, options.Value.PageSize);
        var pause = TimeSpan.FromMilliseconds(Math.Max(options.Value.PauseMs, 0));
        int done = 0, months = 0, rows = 0;
        var after = int.MinValue;
        while (true)
        {
            var codes = await db.Clients.AsNoTracking().Where(c => c.ClientCode > after).OrderBy(c => c.ClientCode)
                .Select(c => c.ClientCode).Take(pageSize).ToListAsync(cancellationToken);
            if (codes.Count == 0)
            {
                break;
            }
            var summaries = await ReplacePageAsync(codes[0], codes[^1], cancellationToken);
            months += summaries.Sum(s => s.Select(m => m.Month).Distinct().Count());
            rows += summaries.Sum(s => s.Count);
            done += codes.Count;
            after = codes[^1];
            await context.ProgressAsync(done, total, $"{done} of {total} clients", cancellationToken);
            if (pause > TimeSpan.Zero && done < total)
            {
                await Task.Delay(pause, time, cancellationToken);
            }
        }
        return new SummaryResult(done, months, rows);
    }

    /// <summary>The clients from <paramref name="first"/> to <paramref name="last"/> (a keyset page): their rows replaced in one transaction.</summary>
    private async Task<List<IReadOnlyList<MonthlyCategorySpending>>> ReplacePageAsync(int first, int last, CancellationToken cancellationToken)
    {
        var spending = await db.Transactions.AsNoTracking().Where(t => t.ClientCode >= first && t.ClientCode <= last)
            .Select(t => new { t.ClientCode, t.OccurredAt, t.Category, t.AmountKzt }).ToListAsync(cancellationToken);
        var byClient = spending.GroupBy(s => s.ClientCode)
            .Select(g => (ClientCode: g.Key, Summary: MonthlySpending.Of(g.Select(s => (s.OccurredAt, s.Category, s.AmountKzt)))))
            .ToList();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MonthlySpending.Where(s => s.ClientCode >= first && s.ClientCode <= last).ExecuteDeleteAsync(cancellationToken);
        db.MonthlySpending.AddRange(byClient.SelectMany(c => c.Summary.Select(s => new ClientMonthlySpending
        {
            ClientCode = c.ClientCode,
            Month = s.Month,
            Category = s.Category,
            AmountKzt = s.AmountKzt,
            Transactions = s.Transactions,
            ComputedAt = now,
        })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return byClient.Select(c => c.Summary).ToList();
    }

    public sealed record SummaryResult(int Clients, int Months, int Rows);
}
