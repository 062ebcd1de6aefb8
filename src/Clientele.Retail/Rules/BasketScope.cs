using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Rules;

/// <summary>
/// Which transactions a mining run reads: a period (the transaction's calendar day), a channel (Clustr has no store table;
/// its channels "Store", "Online", "Mobile App" are where a basket was bought), the customer's city and segment.
/// </summary>
public sealed record BasketScope(DateOnly? DateFrom, DateOnly? DateTo, string? Channel, string? City, string? CustomerSegment)
{
    public static BasketScope Of(MiningRun run) => new(run.DateFrom, run.DateTo, run.Channel, run.City, run.CustomerSegment);

    /// <summary>Each transaction's distinct product SKUs, ascending, in transaction order; transactions without lines are left out.</summary>
    public async Task<List<int[]>> ReadBasketsAsync(RetailDbContext db, CancellationToken cancellationToken)
    {
        var transactions = db.Transactions.AsNoTracking();
        if (Channel is { } channel)
        {
            transactions = transactions.Where(t => t.Channel == channel);
        }
        if (DateFrom is { } from)
        {
            transactions = transactions.Where(t => db.Timeframe.Any(d => d.TimeId == t.TimeId && d.Date >= from));
        }
        if (DateTo is { } to)
        {
            transactions = transactions.Where(t => db.Timeframe.Any(d => d.TimeId == t.TimeId && d.Date <= to));
        }
        if (City is { } city)
        {
            transactions = transactions.Where(t => db.Customers.Any(c => c.CustomerId == t.CustomerId && c.City == city));
        }
        if (CustomerSegment is { } segment)
        {
            transactions = transactions.Where(t => db.Customers.Any(c => c.CustomerId == t.CustomerId && c.CustomerSegment == segment));
        }
        var lines = db.Sales.AsNoTracking()
            .Where(s => transactions.Any(t => t.TransactionId == s.TransactionId))
            .OrderBy(s => s.TransactionId)
            .Select(s => new { s.TransactionId, s.ProductSku });
        var baskets = new List<int[]>();
        var current = new SortedSet<int>();
        var open = -1;
        await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (line.TransactionId != open && current.Count > 0)
            {
                baskets.Add([.. current]);
                current.Clear();
            }
            open = line.TransactionId;
            current.Add(line.ProductSku);
        }
        if (current.Count > 0)
        {
            baskets.Add([.. current]);
        }
        return baskets;
    }
}
