using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Jobs;

/// <summary>
/// Computes every client's monthly card spending per category into <c>banking_client_monthly_spending</c>. Each client's rows
/// are replaced in one transaction, so running again (a retry, or after a worker died mid-way) never duplicates a row.
/// </summary>
public sealed class ClientSummariesJob(BankingDbContext db, IOptions<SummaryOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobKind = "banking.client-summaries";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var codes = await db.Clients.AsNoTracking().OrderBy(c => c.ClientCode).Select(c => c.ClientCode).ToListAsync(cancellationToken);
        await context.ReportAsync(0, $"0 of {codes.Count} clients", cancellationToken);
        var pause = TimeSpan.FromMilliseconds(Math.Max(options.Value.PauseMs, 0));
        int months = 0, rows = 0;
        for (var i = 0; i < codes.Count; i++)
        {
            var summary = await ReplaceAsync(codes[i], cancellationToken);
            months += summary.Select(s => s.Month).Distinct().Count();
            rows += summary.Count;
            await context.ProgressAsync(i + 1, codes.Count, $"{i + 1} of {codes.Count} clients", cancellationToken);
            if (pause > TimeSpan.Zero && i + 1 < codes.Count)
            {
                await Task.Delay(pause, time, cancellationToken);
            }
        }
        return new SummaryResult(codes.Count, months, rows);
    }

    private async Task<IReadOnlyList<MonthlyCategorySpending>> ReplaceAsync(int clientCode, CancellationToken cancellationToken)
    {
        var spending = await db.Transactions.AsNoTracking().Where(t => t.ClientCode == clientCode)
            .Select(t => new { t.OccurredAt, t.Category, t.AmountKzt }).ToListAsync(cancellationToken);
        var summary = MonthlySpending.Of(spending.Select(s => (s.OccurredAt, s.Category, s.AmountKzt)));
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MonthlySpending.Where(s => s.ClientCode == clientCode).ExecuteDeleteAsync(cancellationToken);
        db.MonthlySpending.AddRange(summary.Select(s => new ClientMonthlySpending
        {
            ClientCode = clientCode,
            Month = s.Month,
            Category = s.Category,
            AmountKzt = s.AmountKzt,
            Transactions = s.Transactions,
            ComputedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return summary;
    }

    public sealed record SummaryResult(int Clients, int Months, int Rows);
}
