namespace Clientele.Banking.Offers.Push;

/// <summary>What a template needs: the client, the offer and the formatting helpers bound to the settings.</summary>
internal sealed record PushContext(ClientFeatures Client, ProductOffer Offer, PushSettings Settings)
{
    public string Name => Client.Name;

    public bool Young => Settings.IsYoung(Client);

    /// <summary>«за 3 месяца»: the period the 3-month totals cover.</summary>
    public string Period => RussianFormat.ForMonths(Client.MonthsCovered);

    /// <summary>The benefit per month as an amount, or null when it is under 1 ₸ (then the text says it as a percentage).</summary>
    public string? Benefit => Has(Offer.BenefitKztPerMonth) ? Money(Offer.BenefitKztPerMonth) : null;

    public MonthSpending? LatestMonth => Client.Months.Count == 0 ? null : Client.Months[^1];

    public static bool Has(decimal amount) => decimal.Truncate(amount) >= 1;

    public string Money(decimal amount) => RussianFormat.Money(amount, Settings.GroupSeparator);

    public static string Percent(decimal percent) => RussianFormat.Percent(percent);

    /// <summary>An allowed currency code (USD, EUR, RUB) for the client's largest foreign spending, else «валюте».</summary>
    public string ForeignCurrencyWord()
    {
        var top = Client.ForeignSpendingByCurrency.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault().Key;
        return top is "USD" or "EUR" or "RUB" ? top : "валюте";
    }
}

/// <summary>The sentence options of one product, best first; the composer joins one of each (details optional) and the CTA.</summary>
internal sealed record PushTemplate(IReadOnlyList<string> Openings, IReadOnlyList<string> Benefits, IReadOnlyList<string> Details, string CallToAction);
