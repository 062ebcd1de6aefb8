namespace Clientele.Banking.Offers;

/// <summary>Turns one client's raw activity into the features the engine ranks on and the push quotes.</summary>
public static class FeatureExtractor
{
    public static ClientFeatures Describe(ClientActivity activity)
    {
        var months = activity.Spending
            .GroupBy(s => new DateTime(s.OccurredAt.Year, s.OccurredAt.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => new MonthSpending(g.Key, g.Sum(s => s.AmountKzt),
                g.GroupBy(s => s.Category).ToDictionary(c => c.Key, c => c.Sum(s => s.AmountKzt))))
            .ToList();
        var foreign = activity.Spending.Where(s => !s.Currency.Equals("KZT", StringComparison.OrdinalIgnoreCase)).ToList();
        return new ClientFeatures(
            activity.ClientCode,
            activity.Name,
            activity.Status,
            activity.Age,
            activity.City,
            activity.AvgMonthlyBalanceKzt,
            MonthsSpanned(activity),
            months,
            activity.Spending.Sum(s => s.AmountKzt),
            activity.Spending.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Sum(s => s.AmountKzt)),
            activity.Spending.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Count()),
            foreign.Sum(s => s.AmountKzt),
            foreign.GroupBy(s => s.Currency.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Sum(s => s.AmountKzt)),
            activity.Transfers.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Sum(t => t.AmountKzt)),
            activity.Transfers.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.Count()),
            activity.Transfers.Where(t => t.Direction == "in").Sum(t => t.AmountKzt),
            activity.Transfers.Where(t => t.Direction == "out").Sum(t => t.AmountKzt))
        {
            ForeignSpendingByCategory = foreign.GroupBy(s => s.Category).ToDictionary(g => g.Key, g => g.Sum(s => s.AmountKzt)),
        };
    }

    /// <summary>Calendar months from the first to the last card payment or transfer, at least one.</summary>
    private static int MonthsSpanned(ClientActivity activity)
    {
        var moments = activity.Spending.Select(s => s.OccurredAt).Concat(activity.Transfers.Select(t => t.OccurredAt)).ToList();
        if (moments.Count == 0)
        {
            return 1;
        }
        var (first, last) = (moments.Min(), moments.Max());
        return (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
    }
}
