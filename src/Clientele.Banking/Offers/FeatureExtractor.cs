namespace Clientele.Banking.Offers;

/// <summary>Turns one client's raw activity into the features the engine ranks on and the push quotes.</summary>
public static class FeatureExtractor
{
    /// <summary>
    /// One pass over the card payments and one over the transfers (a batch describes every client of the organization). Sums run
    /// in the activity's order and every dictionary lists its keys in the order they first appear, as grouping would.
    /// </summary>
    public static ClientFeatures Describe(ClientActivity activity)
    {
        var months = new Dictionary<DateTime, (decimal Total, Dictionary<string, decimal> ByCategory)>();
        var byCategory = new Dictionary<string, decimal>();
        var countByCategory = new Dictionary<string, int>();
        var foreignByCurrency = new Dictionary<string, decimal>();
        var foreignByCategory = new Dictionary<string, decimal>();
        decimal total = 0, foreign = 0;
        foreach (var payment in activity.Spending)
        {
            var month = new DateTime(payment.OccurredAt.Year, payment.OccurredAt.Month, 1);
            var (monthTotal, monthByCategory) = months.TryGetValue(month, out var known) ? known : (0m, new Dictionary<string, decimal>());
            Add(monthByCategory, payment.Category, payment.AmountKzt);
            months[month] = (monthTotal + payment.AmountKzt, monthByCategory);
            total += payment.AmountKzt;
            Add(byCategory, payment.Category, payment.AmountKzt);
            countByCategory[payment.Category] = countByCategory.GetValueOrDefault(payment.Category) + 1;
            if (!payment.Currency.Equals("KZT", StringComparison.OrdinalIgnoreCase))
            {
                foreign += payment.AmountKzt;
                Add(foreignByCurrency, payment.Currency.ToUpperInvariant(), payment.AmountKzt);
                Add(foreignByCategory, payment.Category, payment.AmountKzt);
            }
        }
        var byType = new Dictionary<string, decimal>();
        var countByType = new Dictionary<string, int>();
        decimal inflow = 0, outflow = 0;
        foreach (var transfer in activity.Transfers)
        {
            Add(byType, transfer.Type, transfer.AmountKzt);
            countByType[transfer.Type] = countByType.GetValueOrDefault(transfer.Type) + 1;
            if (transfer.Direction == "in")
            {
                inflow += transfer.AmountKzt;
            }
            else if (transfer.Direction == "out")
            {
                outflow += transfer.AmountKzt;
            }
        }
        return new ClientFeatures(
            activity.ClientCode,
            activity.Name,
            activity.Status,
            activity.Age,
            activity.City,
            activity.AvgMonthlyBalanceKzt,
            MonthsSpanned(activity),
            months.OrderBy(month => month.Key).Select(month => new MonthSpending(month.Key, month.Value.Total, month.Value.ByCategory)).ToList(),
            total,
            byCategory,
            countByCategory,
            foreign,
            foreignByCurrency,
            byType,
            countByType,
            inflow,
            outflow)
        {
            ForeignSpendingByCategory = foreignByCategory,
        };
    }

    private static void Add(Dictionary<string, decimal> sums, string key, decimal amount) => sums[key] = sums.GetValueOrDefault(key) + amount;

    /// <summary>Calendar months from the first to the last card payment or transfer, at least one.</summary>
    private static int MonthsSpanned(ClientActivity activity)
    {
        var (first, last) = (DateTime.MaxValue, DateTime.MinValue);
        foreach (var payment in activity.Spending)
        {
            (first, last) = (payment.OccurredAt < first ? payment.OccurredAt : first, payment.OccurredAt > last ? payment.OccurredAt : last);
        }
        foreach (var transfer in activity.Transfers)
        {
            (first, last) = (transfer.OccurredAt < first ? transfer.OccurredAt : first, transfer.OccurredAt > last ? transfer.OccurredAt : last);
        }
        return first > last ? 1 : (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
    }
}
