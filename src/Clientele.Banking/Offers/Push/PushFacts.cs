namespace Clientele.Banking.Offers.Push;

/// <summary>
/// Figures a push may quote. <see cref="ForProduct"/>: the client's figures that are the product's signal (P10), with the
/// offer's evidence. <see cref="ForClient"/>: every figure of the client's data (no invented amounts, P11).
/// </summary>
internal sealed class PushFacts
{
    private readonly List<decimal> amounts = [];
    private readonly HashSet<int> counts = [];
    private readonly HashSet<string> categories = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<int> months = [];

    public IReadOnlyCollection<string> Categories => categories;

    public IReadOnlyCollection<int> Months => months;

    public IReadOnlyCollection<int> Counts => counts;

    public static PushFacts ForProduct(ClientFeatures client, ProductOffer offer)
    {
        var facts = new PushFacts();
        if (ProductSignals.For(offer.Product) is { } signals)
        {
            var signalCategories = signals.Categories
                .Concat(client.TopCategories(signals.TopCategories).Select(c => c.Key))
                .Distinct(StringComparer.Ordinal)
                .Where(c => client.Spent(c) > 0)
                .ToList();
            foreach (var category in signalCategories)
            {
                facts.categories.Add(category);
                facts.counts.Add(client.Count(category));
                foreach (var month in client.Months)
                {
                    facts.AddAmount(month.ByCategory.GetValueOrDefault(category));
                }
            }
            facts.AddSubsetSums(signalCategories.Select(c => client.Spent(c)).ToList());
            var types = signals.TransferTypes.Where(t => client.Transferred(t) > 0).ToList();
            facts.AddSubsetSums(types.Select(t => client.Transferred(t)).ToList());
            foreach (var type in types)
            {
                facts.counts.Add(client.TransferCount(type));
            }
            if (types.Count > 1)
            {
                facts.counts.Add(client.TransferCount([.. types]));
            }
            if (signals.Balance)
            {
                facts.AddAmount(client.AvgMonthlyBalanceKzt);
            }
            if (signals.ForeignSpending)
            {
                facts.AddAmount(client.ForeignCurrencySpendingKzt);
                foreach (var amount in client.ForeignSpendingByCurrency.Values)
                {
                    facts.AddAmount(amount);
                }
            }
            if (signals.TotalSpending)
            {
                facts.AddAmount(client.SpendingTotalKzt);
            }
            if (signals.Flows)
            {
                facts.AddAmount(client.InflowKzt);
                facts.AddAmount(client.OutflowKzt);
            }
        }
        facts.AddEvidence(offer.Evidence);
        return facts;
    }

    public static PushFacts ForClient(ClientFeatures client, ProductOffer offer)
    {
        var facts = ForProduct(client, offer);
        foreach (var (category, amount) in client.SpendingByCategory)
        {
            facts.categories.Add(category);
            facts.AddAmount(amount);
        }
        foreach (var month in client.Months)
        {
            facts.months.Add(month.Month.Month);
            facts.AddAmount(month.Total);
            foreach (var amount in month.ByCategory.Values)
            {
                facts.AddAmount(amount);
            }
        }
        foreach (var amount in client.TransfersByType.Values.Concat(client.ForeignSpendingByCurrency.Values))
        {
            facts.AddAmount(amount);
        }
        foreach (var amount in new[] { client.AvgMonthlyBalanceKzt, client.SpendingTotalKzt, client.ForeignCurrencySpendingKzt, client.InflowKzt, client.OutflowKzt })
        {
            facts.AddAmount(amount);
        }
        foreach (var count in client.CountByCategory.Values.Concat(client.TransferCountByType.Values))
        {
            facts.counts.Add(count);
        }
        return facts;
    }

    /// <summary>A quoted amount matches a figure when it is that figure in whole tenge, truncated or rounded.</summary>
    public bool HasAmount(decimal quoted) => amounts.Any(a => Matches(quoted, a));

    public static bool Matches(decimal quoted, decimal figure) => Math.Abs(quoted - figure) < 1m;

    private void AddEvidence(IEnumerable<Evidence> evidence)
    {
        foreach (var item in evidence)
        {
            if (item.AmountKzt is { } amount)
            {
                AddAmount(amount);
            }
            if (item.Count is { } count)
            {
                counts.Add(count);
            }
            if (!string.IsNullOrWhiteSpace(item.Category))
            {
                categories.Add(item.Category);
            }
            if (item.Month is { } month)
            {
                months.Add(month.Month);
            }
        }
    }

    private void AddAmount(decimal amount)
    {
        if (amount >= 1m)
        {
            amounts.Add(amount);
        }
    }

    /// <summary>Sums of every non-empty subset (a text may quote «такси, поездки и отели» together); signal lists are short.</summary>
    private void AddSubsetSums(IReadOnlyList<decimal> values)
    {
        var n = Math.Min(values.Count, 10);
        for (var mask = 1; mask < 1 << n; mask++)
        {
            var sum = 0m;
            for (var i = 0; i < n; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    sum += values[i];
                }
            }
            AddAmount(sum);
        }
    }
}
