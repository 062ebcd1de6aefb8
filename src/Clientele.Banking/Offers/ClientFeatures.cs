using Clientele.Banking.Domain;

namespace Clientele.Banking.Offers;

/// <summary>A month of card spending: its first day, total and the amount per category, in tenge.</summary>
public sealed record MonthSpending(DateTime Month, decimal Total, IReadOnlyDictionary<string, decimal> ByCategory);

/// <summary>
/// What the engine derives from one client's activity, and what the push composer may quote: every figure here comes from
/// the client's own data.
/// </summary>
public sealed record ClientFeatures(
    int ClientCode,
    string Name,
    string Status,
    int Age,
    string City,
    decimal AvgMonthlyBalanceKzt,
    int MonthsCovered,
    IReadOnlyList<MonthSpending> Months,
    decimal SpendingTotalKzt,
    IReadOnlyDictionary<string, decimal> SpendingByCategory,
    IReadOnlyDictionary<string, int> CountByCategory,
    decimal ForeignCurrencySpendingKzt,
    IReadOnlyDictionary<string, decimal> ForeignSpendingByCurrency,
    IReadOnlyDictionary<string, decimal> TransfersByType,
    IReadOnlyDictionary<string, int> TransferCountByType,
    decimal InflowKzt,
    decimal OutflowKzt)
{
    /// <summary>Foreign-currency card spending (in tenge) per category; empty when all spending is in tenge.</summary>
    public IReadOnlyDictionary<string, decimal> ForeignSpendingByCategory { get; init; } = new Dictionary<string, decimal>();

    public decimal Spent(params string[] categories) => categories.Sum(c => SpendingByCategory.GetValueOrDefault(c));

    public int Count(params string[] categories) => categories.Sum(c => CountByCategory.GetValueOrDefault(c));

    public decimal Transferred(params string[] types) => types.Sum(t => TransfersByType.GetValueOrDefault(t));

    public int TransferCount(params string[] types) => types.Sum(t => TransferCountByType.GetValueOrDefault(t));

    /// <summary>Categories by amount, largest first (ties by name).</summary>
    public IReadOnlyList<KeyValuePair<string, decimal>> TopCategories(int count) =>
        SpendingProfile.Of(SpendingByCategory.Select(c => (c.Key, c.Value))).Top(count).Select(c => KeyValuePair.Create(c.Category, c.Amount)).ToList();

    /// <summary>The latest month covered (first day), if any spending.</summary>
    public DateTime? LatestMonth => Months.Count == 0 ? null : Months[^1].Month;
}
