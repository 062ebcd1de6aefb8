namespace Clientele.Banking.Offers;

/// <summary>What a product rule judges from: the client's features, signals and benefits, the population and the settings.</summary>
internal sealed record OfferContext(ClientFeatures Features, OfferSignals Signals, OfferBenefits Benefits, PopulationStats Population, OfferSettings Settings)
{
    public double P(string signal, double value) => Population.Percentile(signal, value);

    public double BalancePercentile => P(nameof(OfferSignals.Balance), Signals.Balance);

    /// <summary>«за 3 месяца», with the period the data covers.</summary>
    public string Period => Features.MonthsCovered switch
    {
        1 => "за месяц",
        var n when n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 => $"за {n} месяца",
        var n => $"за {n} месяцев",
    };

    public Evidence Balance() =>
        new("balance", "Средний остаток на счёте за месяц", AmountKzt: Features.AvgMonthlyBalanceKzt);

    /// <summary>The benefit as evidence, or an explicit statement that no money benefit is claimed.</summary>
    public Evidence Benefit(decimal perMonth, string how, string whyNone) =>
        perMonth > 0
            ? new("benefit_per_month", $"Оценка выгоды в месяц: {how}", AmountKzt: perMonth)
            : new("no_money_benefit", $"Выгоду в тенге не обещаем: {whyNone}");

    /// <summary>Evidence for one transfer type the client used, if any.</summary>
    public IEnumerable<Evidence> Transfers(string type, string description)
    {
        var count = Features.TransferCount(type);
        if (count > 0)
        {
            yield return new(type, $"{description} {Period}", AmountKzt: Features.Transferred(type), Count: count);
        }
    }

    /// <summary>Evidence for each listed category the client spent on.</summary>
    public IEnumerable<Evidence> Categories(string signal, IEnumerable<string> categories)
    {
        foreach (var category in categories.Where(c => Features.SpendingByCategory.GetValueOrDefault(c) > 0))
        {
            yield return new(signal, $"{category} {Period}", AmountKzt: Features.Spent(category), Count: Features.Count(category), Category: category);
        }
    }

    /// <summary>The listed categories' spending in the latest month, for «в августе …».</summary>
    public Evidence? LatestMonth(string signal, IReadOnlyList<string> categories, string description)
    {
        if (Features.Months.Count == 0)
        {
            return null;
        }
        var month = Features.Months[^1];
        var amount = categories.Sum(c => month.ByCategory.GetValueOrDefault(c));
        return amount > 0 ? new(signal, description, AmountKzt: amount, Month: month.Month) : null;
    }
}

/// <summary>One product's judgement before ranking: eligibility, signal strength (0–1, documented per rule) and evidence.</summary>
internal sealed record RuleOutcome(bool Eligible, double Signal, IReadOnlyList<Evidence> Evidence);
