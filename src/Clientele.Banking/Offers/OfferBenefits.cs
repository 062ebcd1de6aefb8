using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

namespace Clientele.Banking.Offers;

/// <summary>
/// The estimated money benefit of each product for one client, in whole tenge per month (truncated, never negative), with
/// the parts the evidence quotes. Cash loan and gold bars have no money benefit.
/// </summary>
public sealed record OfferBenefits(
    decimal Travel,
    decimal TravelBaseKzt,
    decimal Premium,
    decimal PremiumRate,
    decimal PremiumCashback,
    decimal PremiumSavedFees,
    bool PremiumCapped,
    decimal Credit,
    IReadOnlyList<KeyValuePair<string, decimal>> CreditTopCategories,
    decimal CreditOnlineExtraKzt,
    decimal Fx,
    decimal FxVolumeKzt,
    decimal MultiCurrency,
    decimal Savings,
    decimal Accumulative,
    decimal AccumulativeBaseKzt,
    decimal Investments)
{
    public static string SignalName(string product) => "benefit:" + product;

    public IEnumerable<(string Product, decimal Benefit)> All =>
    [
        (Products.TravelCard, Travel),
        (Products.PremiumCard, Premium),
        (Products.CreditCard, Credit),
        (Products.CurrencyExchange, Fx),
        (Products.CashLoan, 0m),
        (Products.MultiCurrencyDeposit, MultiCurrency),
        (Products.SavingsDeposit, Savings),
        (Products.AccumulativeDeposit, Accumulative),
        (Products.Investments, Investments),
        (Products.GoldBars, 0m),
    ];

    public decimal For(string product) => All.First(b => b.Product == product).Benefit;

    public static OfferBenefits Of(ClientFeatures f, OfferSettings s)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(s);
        decimal months = f.MonthsCovered;
        var balance = Math.Max(0, f.AvgMonthlyBalanceKzt);

        var foreignOutsideTravel = f.ForeignSpendingByCategory.Where(c => !s.TravelCategories.Contains(c.Key)).Sum(c => c.Value);
        var travelBase = f.Spent([.. s.TravelCategories]) + foreignOutsideTravel;

        var rate = TierRate(balance, s);
        var boosted = f.Spent([.. s.PremiumBoostedCategories]);
        var rawCashback = (rate * (f.SpendingTotalKzt - boosted) + s.PremiumBoostedRate * boosted) / months;
        var cashback = Math.Min(rawCashback, s.PremiumCashbackCapKztPerMonth);
        var atmPerMonth = f.Transferred(TransferType.AtmWithdrawal) / months;
        var freeShare = atmPerMonth <= s.PremiumFreeWithdrawalKztPerMonth ? 1m : s.PremiumFreeWithdrawalKztPerMonth / atmPerMonth;
        var savedFees = f.TransferCount(TransferType.AtmWithdrawal) / months * s.AtmWithdrawalFeeKzt * freeShare
            + f.TransferCount([.. s.FreeTransferTypes]) / months * s.TransferFeeKzt;

        var top = f.TopCategories(s.CreditCardTopCategories);
        var onlineExtra = s.OnlineCategories.Where(c => top.All(t => t.Key != c)).Sum(c => f.SpendingByCategory.GetValueOrDefault(c));
        var credit = (s.CreditCardTopCategoryRate * top.Sum(t => t.Value) + s.CreditCardOnlineRate * onlineExtra) / months;

        var fxVolume = f.Transferred(TransferType.FxBuy, TransferType.FxSell) + f.ForeignCurrencySpendingKzt;
        var topupsPerMonth = f.Transferred(TransferType.DepositTopupOut) / months;
        var accumulativeBase = Math.Max(balance, topupsPerMonth);

        return new OfferBenefits(
            Whole(s.TravelCashbackRate * travelBase / months),
            travelBase,
            Whole(cashback + savedFees),
            rate,
            Whole(cashback),
            Whole(savedFees),
            rawCashback > s.PremiumCashbackCapKztPerMonth,
            Whole(credit),
            top,
            onlineExtra,
            Whole(s.FxSpreadSavingRate * fxVolume / months),
            fxVolume,
            Whole(balance * s.MultiCurrencyDepositRate / 12),
            Whole(balance * s.SavingsDepositRate / 12),
            Whole(accumulativeBase * s.AccumulativeDepositRate / 12),
            accumulativeBase,
            Whole(s.BrokerCommissionRate * f.Transferred(TransferType.InvestOut, TransferType.InvestIn) / months));
    }

    /// <summary>Premium cashback tier by balance; both tier boundaries are inclusive from below (1 000 000 ₸ → 3 %, 6 000 000 ₸ → 4 %).</summary>
    public static decimal TierRate(decimal balance, OfferSettings s) =>
        balance >= s.PremiumTopTierFromKzt ? s.PremiumTopRate
        : balance >= s.PremiumMiddleTierFromKzt ? s.PremiumMiddleRate
        : s.PremiumBaseRate;

    private static decimal Whole(decimal kzt) => kzt <= 0 ? 0 : decimal.Truncate(kzt);
}
