using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

namespace Clientele.Banking.Offers;

/// <summary>The three deposits. Each has a prior (from settings), because free money is a reason on its own.</summary>
internal static class DepositRules
{
    /// <summary>Signal = prior (0.30) + 0.20·P(balance) + 0.35·max(P(FX share of turnover), P(foreign-currency share)).</summary>
    public static RuleOutcome MultiCurrency(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var fx = Math.Max(c.P(nameof(s.FxShare), s.FxShare), c.P(nameof(s.ForeignShare), s.ForeignShare));
        var signal = settings.MultiCurrencyDepositPrior + 0.20 * c.BalancePercentile + 0.35 * fx;
        var evidence = new List<Evidence> { c.Balance() };
        evidence.AddRange(c.Transfers(TransferType.FxBuy, "Покупки валюты"));
        evidence.AddRange(c.Transfers(TransferType.FxSell, "Продажи валюты"));
        evidence.AddRange(CardRules.Foreign(c));
        evidence.Add(c.Benefit(b.MultiCurrency, $"{CardRules.Percent(settings.MultiCurrencyDepositRate)} годовых на средний остаток", "нет свободного остатка"));
        return new(f.AvgMonthlyBalanceKzt > 0, signal, evidence);
    }

    /// <summary>Signal = prior (0.30) + 0.20·P(balance) + 0.10·stability, stability = 1 − P(monthly spending volatility)
    /// (1 for spending that does not vary, including none).</summary>
    public static RuleOutcome Savings(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var stability = 1 - c.P(nameof(s.SpendingVolatility), s.SpendingVolatility);
        var signal = settings.SavingsDepositPrior + 0.20 * c.BalancePercentile + 0.10 * stability;
        var evidence = new List<Evidence> { c.Balance() };
        evidence.AddRange(f.Months.Select(m => new Evidence("monthly_spending", "Траты по карте за месяц", AmountKzt: m.Total, Month: m.Month)));
        evidence.Add(c.Benefit(b.Savings, $"{CardRules.Percent(settings.SavingsDepositRate)} годовых на средний остаток", "нет свободного остатка"));
        return new(f.AvgMonthlyBalanceKzt > 0, signal, evidence);
    }

    /// <summary>Signal = prior (0.20) + 0.80·P(deposit top-ups share of outflow).</summary>
    public static RuleOutcome Accumulative(OfferContext c)
    {
        var (f, s, b, settings) = (c.Features, c.Signals, c.Benefits, c.Settings);
        var signal = settings.AccumulativeDepositPrior + 0.80 * c.P(nameof(s.TopupShare), s.TopupShare);
        var evidence = new List<Evidence> { c.Balance() };
        evidence.AddRange(c.Transfers(TransferType.DepositTopupOut, "Пополнения вкладов"));
        evidence.Add(c.Benefit(b.Accumulative, $"{CardRules.Percent(settings.AccumulativeDepositRate)} годовых на остаток или ежемесячные пополнения", "нет остатка и пополнений"));
        return new(f.AvgMonthlyBalanceKzt > 0 || f.Transferred(TransferType.DepositTopupOut) > 0, signal, evidence);
    }
}
