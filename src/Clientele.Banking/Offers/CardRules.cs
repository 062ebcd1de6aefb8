using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

namespace Clientele.Banking.Offers;

/// <summary>The three cards: travel, premium and credit.</summary>
internal static class CardRules
{
    /// <summary>Signal = 0.60·P(trip share) + 0.25·P(taxi share) + 0.15·P(foreign-currency share).</summary>
    public static RuleOutcome Travel(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var signal = 0.60 * c.P(nameof(s.TripShare), s.TripShare)
            + 0.25 * c.P(nameof(s.TaxiShare), s.TaxiShare)
            + 0.15 * c.P(nameof(s.ForeignShare), s.ForeignShare);
        var travelSpend = f.Spent([.. settings.TravelCategories]);
        var evidence = new List<Evidence>();
        if (travelSpend > 0)
        {
            evidence.Add(new("travel_spend", $"Такси, отели и путешествия {c.Period}", AmountKzt: travelSpend, Count: f.Count([.. settings.TravelCategories])));
        }
        evidence.AddRange(c.Categories("travel_category", settings.TravelCategories));
        if (c.LatestMonth("travel_spend_month", settings.TravelCategories, "Такси, отели и путешествия за последний месяц") is { } latest)
        {
            evidence.Add(latest);
        }
        evidence.AddRange(Foreign(c));
        evidence.Add(c.Benefit(b.Travel, $"{Percent(settings.TravelCashbackRate)} кешбэка на такси, отели, путешествия и покупки в валюте",
            "нет трат на такси, путешествия, отели и в валюте"));
        return new(b.TravelBaseKzt > 0, signal, evidence);
    }

    /// <summary>
    /// Signal = 0.45·(½P(ATM share of outflow) + ½P(ATM withdrawals per month)) + 0.40·P(jewellery and cosmetics share)
    /// + 0.05·P(restaurant share) + 0.10·P(balance). Restaurants weigh little: everybody eats out.
    /// </summary>
    public static RuleOutcome Premium(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var signal = 0.45 * (0.5 * c.P(nameof(s.AtmShare), s.AtmShare) + 0.5 * c.P(nameof(s.AtmPerMonth), s.AtmPerMonth))
            + 0.40 * c.P(nameof(s.BoutiqueShare), s.BoutiqueShare)
            + 0.05 * c.P(nameof(s.RestaurantShare), s.RestaurantShare)
            + 0.10 * c.BalancePercentile;
        var evidence = new List<Evidence> { c.Balance() };
        evidence.AddRange(c.Categories("premium_boosted_category", settings.PremiumBoostedCategories));
        evidence.AddRange(c.Transfers(TransferType.AtmWithdrawal, "Снятия наличных"));
        var transfers = f.TransferCount([.. settings.FreeTransferTypes]);
        if (transfers > 0)
        {
            evidence.Add(new("card_transfers", $"Переводы на карты {c.Period}", AmountKzt: f.Transferred([.. settings.FreeTransferTypes]), Count: transfers));
        }
        if (b.PremiumCapped)
        {
            evidence.Add(new("premium_cashback_cap", "Кешбэк ограничен лимитом в месяц", AmountKzt: settings.PremiumCashbackCapKztPerMonth));
        }
        evidence.Add(c.Benefit(b.Premium,
            $"{Percent(b.PremiumRate)} кешбэка на покупки и {Percent(settings.PremiumBoostedRate)} в ресторанах, на косметику и украшения плюс бесплатные снятия и переводы",
            "нет покупок, снятий и переводов"));
        return new(b.Premium > 0, signal, evidence);
    }

    /// <summary>Signal = 0.65·P(credit-card and instalment repayments share of outflow) + 0.35·P(online-services share).</summary>
    public static RuleOutcome Credit(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var signal = 0.65 * c.P(nameof(s.CreditUseShare), s.CreditUseShare) + 0.35 * c.P(nameof(s.OnlineShare), s.OnlineShare);
        var evidence = b.CreditTopCategories
            .Select((t, i) => new Evidence("top_category", $"Категория №{i + 1} по тратам {c.Period}", AmountKzt: t.Value, Count: f.Count(t.Key), Category: t.Key))
            .ToList();
        var online = f.Spent([.. settings.OnlineCategories]);
        if (online > 0)
        {
            evidence.Add(new("online_spend", $"Онлайн-сервисы (доставка, кино, игры) {c.Period}", AmountKzt: online, Count: f.Count([.. settings.OnlineCategories])));
        }
        evidence.AddRange(c.Transfers(TransferType.CreditCardRepaymentOut, "Погашения кредитной карты"));
        evidence.AddRange(c.Transfers(TransferType.InstallmentPaymentOut, "Платежи по рассрочке"));
        evidence.Add(c.Benefit(b.Credit,
            $"{Percent(settings.CreditCardTopCategoryRate)} кешбэка в трёх любимых категориях и {Percent(settings.CreditCardOnlineRate)} на онлайн-сервисы",
            "нет трат по карте"));
        return new(f.SpendingTotalKzt > 0, signal, evidence);
    }

    internal static IEnumerable<Evidence> Foreign(OfferContext c) =>
        c.Features.ForeignSpendingByCurrency.OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new Evidence("foreign_spend", $"Покупки в валюте ({x.Key}) {c.Period}", AmountKzt: x.Value));

    /// <summary>4 % → «4%», 0.145 → «14,5%».</summary>
    internal static string Percent(decimal rate) =>
        (rate * 100).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) + "%";
}
