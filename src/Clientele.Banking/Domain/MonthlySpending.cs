using System.Globalization;

namespace Clientele.Banking.Domain;

public sealed record MonthlyCategorySpending(string Month, string Category, decimal AmountKzt, int Transactions);

/// <summary>Card spending per calendar month and category, in tenge.</summary>
public static class MonthlySpending
{
    public static string MonthOf(DateTime occurredAt) => occurredAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>One row per month and category that has spending, ordered by month then category.</summary>
    public static IReadOnlyList<MonthlyCategorySpending> Of(IEnumerable<(DateTime OccurredAt, string Category, decimal AmountKzt)> spending) =>
        spending
            .GroupBy(s => (Month: MonthOf(s.OccurredAt), s.Category))
            .Select(g => new MonthlyCategorySpending(g.Key.Month, g.Key.Category, g.Sum(s => s.AmountKzt), g.Count()))
            .OrderBy(r => r.Month, StringComparer.Ordinal)
            .ThenBy(r => r.Category, StringComparer.Ordinal)
            .ToList();
}
