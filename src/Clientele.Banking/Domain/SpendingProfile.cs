namespace Clientele.Banking.Domain;

public sealed record CategoryAmount(string Category, decimal Amount);

/// <summary>A client's card spending over the loaded period: the total and the largest categories.</summary>
public sealed record SpendingProfile(decimal Total, IReadOnlyList<CategoryAmount> Categories)
{
    public static SpendingProfile Of(IEnumerable<(string Category, decimal AmountKzt)> spending)
    {
        var byCategory = spending
            .GroupBy(s => s.Category)
            .Select(g => new CategoryAmount(g.Key, g.Sum(s => s.AmountKzt)))
            .OrderByDescending(c => c.Amount)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        return new SpendingProfile(byCategory.Sum(c => c.Amount), byCategory);
    }

    public IReadOnlyList<CategoryAmount> Top(int count) => Categories.Take(count).ToList();
}
