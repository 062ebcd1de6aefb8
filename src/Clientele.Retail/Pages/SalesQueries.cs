using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Pages;

public sealed record SalesFigures(decimal Revenue, int Transactions, int Customers)
{
    public decimal AverageBasket => Transactions == 0 ? 0 : Revenue / Transactions;
}

public sealed record RevenuePoint(DateOnly Start, decimal Revenue, int Transactions);

public sealed record ProductSales(int Sku, string Name, string Category, int Quantity, decimal Revenue, int Lines);

public sealed record LabelAmount(string Label, decimal Amount);

/// <summary>The sales page: figures, revenue per day, products, channels and categories over a period.</summary>
public sealed record SalesOverview(
    SalesFigures Figures, IReadOnlyList<RevenuePoint> Days, IReadOnlyList<ProductSales> Products,
    IReadOnlyList<LabelAmount> Channels, IReadOnlyList<LabelAmount> Categories)
{
    /// <summary>Revenue per week (weeks start on Monday), from the days.</summary>
    public IReadOnlyList<RevenuePoint> Weeks() =>
        [.. Days.GroupBy(d => d.Start.AddDays(-(((int)d.Start.DayOfWeek + 6) % 7)))
            .Select(g => new RevenuePoint(g.Key, g.Sum(d => d.Revenue), g.Sum(d => d.Transactions))).OrderBy(p => p.Start)];
}

/// <summary>
/// What the sales page reads. Revenue and the channels are what customers paid (transaction amounts); products and
/// categories are what their lines add up to (<c>line_total</c>), which may be more when a second unit was free.
/// </summary>
public static class SalesQueries
{
    public const string Uncategorised = "—";

    /// <summary>The first and last calendar day on which something was bought; null when nothing was.</summary>
    public static async Task<(DateOnly First, DateOnly Last)?> SpanAsync(RetailDbContext db, CancellationToken cancellationToken)
    {
        var dates = db.Timeframe.AsNoTracking().Where(d => db.Transactions.Any(t => t.TimeId == d.TimeId)).Select(d => d.Date);
        if (!await dates.AnyAsync(cancellationToken))
        {
            return null;
        }
        return (await dates.MinAsync(cancellationToken), await dates.MaxAsync(cancellationToken));
    }

    public static async Task<SalesOverview> OverviewAsync(RetailDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var days = db.Timeframe.AsNoTracking();
        if (from is { } first)
        {
            days = days.Where(d => d.Date >= first);
        }
        if (to is { } last)
        {
            days = days.Where(d => d.Date <= last);
        }
        var transactions = db.Transactions.AsNoTracking().Where(t => days.Any(d => d.TimeId == t.TimeId));

        var perDay = await (
            from bought in transactions
            join day in days on bought.TimeId equals day.TimeId
            group bought by day.Date into date
            select new { Date = date.Key, Revenue = date.Sum(t => t.Amount), Count = date.Count() }).ToListAsync(cancellationToken);
        var customers = await transactions.Select(t => t.CustomerId).Distinct().CountAsync(cancellationToken);
        var channels = await transactions.GroupBy(t => t.Channel)
            .Select(g => new { Channel = g.Key, Revenue = g.Sum(t => t.Amount) }).ToListAsync(cancellationToken);
        var lines = await db.Sales.AsNoTracking().Where(s => transactions.Any(t => t.TransactionId == s.TransactionId))
            .GroupBy(s => s.ProductSku)
            .Select(g => new { Sku = g.Key, Quantity = g.Sum(s => s.Quantity), Revenue = g.Sum(s => s.LineTotal), Lines = g.Count() })
            .ToListAsync(cancellationToken);
        var skus = lines.Select(l => l.Sku).ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => new { p.Name, p.Category }, cancellationToken);

        var sold = lines.Select(l => products.TryGetValue(l.Sku, out var product)
                ? new ProductSales(l.Sku, product.Name, product.Category ?? Uncategorised, l.Quantity, l.Revenue, l.Lines)
                : new ProductSales(l.Sku, $"#{l.Sku}", Uncategorised, l.Quantity, l.Revenue, l.Lines))
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.Sku).ToList();
        var figures = new SalesFigures(perDay.Sum(d => d.Revenue), perDay.Sum(d => d.Count), customers);
        return new SalesOverview(
            figures,
            [.. perDay.OrderBy(d => d.Date).Select(d => new RevenuePoint(d.Date, d.Revenue, d.Count))],
            sold,
            [.. channels.OrderByDescending(c => c.Revenue).Select(c => new LabelAmount(c.Channel, c.Revenue))],
            [.. sold.GroupBy(p => p.Category).Select(g => new LabelAmount(g.Key, g.Sum(p => p.Revenue))).OrderByDescending(c => c.Amount)]);
    }

    /// <summary>The largest <paramref name="slices"/> − 1 shares and the rest as one, so a donut stays readable.</summary>
    public static IReadOnlyList<LabelAmount> Donut(IReadOnlyList<LabelAmount> shares, int slices, string rest = "Other")
    {
        if (shares.Count <= slices)
        {
            return shares;
        }
        return [.. shares.Take(slices - 1), new LabelAmount(rest, shares.Skip(slices - 1).Sum(s => s.Amount))];
    }
}
