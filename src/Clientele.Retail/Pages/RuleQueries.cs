using System.Globalization;
using Clientele.Retail.Data;
using Clientele.Retail.Rules;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Pages;

public sealed record ProductOption(int Sku, string Name, string? Category, decimal Price)
{
    public override string ToString() => $"{Name} (#{Sku})";
}

/// <summary>What the rules and bundle pages read: a run's rules a page at a time (the API's filters and order), and products by name.</summary>
public static class RuleQueries
{
    public static async Task<(List<RuleView> Rows, int Total)> PageAsync(RetailDbContext db, int runId, RuleQuery query, CancellationToken cancellationToken)
    {
        var run = await db.MiningRuns.AsNoTracking().Where(r => r.RunId == runId).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (run is not { } id)
        {
            return ([], 0);
        }
        var rules = query.Apply(db.MinedRules.AsNoTracking().Where(r => r.MiningRunId == id));
        var total = await rules.CountAsync(cancellationToken);
        var rows = await rules.Skip(query.Skip ?? 0).Take(query.Limit ?? 10).ToListAsync(cancellationToken);
        var names = await ProductNames.ReadAsync(db, cancellationToken);
        return ([.. rows.Select(r => RuleView.Of(r, runId, names))], total);
    }

    /// <summary>Products whose name contains the term (as typed, in lower case, capitalised: SQLite folds ASCII only), or with that SKU.</summary>
    public static async Task<List<ProductOption>> SearchProductsAsync(RetailDbContext db, string? term, int take, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var text = term.Trim();
            var isSku = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sku);
            var lower = text.ToLower(CultureInfo.InvariantCulture);
            var capitalised = char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
            products = products.Where(p => (isSku && p.Sku == sku) || p.Name.Contains(text) || p.Name.Contains(lower) || p.Name.Contains(capitalised));
        }
        return await products.OrderBy(p => p.Name).Take(take)
            .Select(p => new ProductOption(p.Sku, p.Name, p.Category, p.Price)).ToListAsync(cancellationToken);
    }

    public static async Task<ProductOption?> ProductAsync(RetailDbContext db, int sku, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => p.Sku == sku)
            .Select(p => new ProductOption(p.Sku, p.Name, p.Category, p.Price)).FirstOrDefaultAsync(cancellationToken);

    public static string Items(IEnumerable<ItemView> items) => string.Join(" + ", items.Select(i => i.ProductName ?? $"#{i.ProductSku}"));
}
