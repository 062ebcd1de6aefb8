using Category = Clientele.Banking.Offers.BankVocabulary.Categories;
using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

namespace Clientele.Banking.Offers;

/// <summary>
/// Every rate, cap, fee and threshold of the offer engine, with the case's values (or our documented assumptions where the
/// case is silent) as defaults. Benefits are reported in tenge per month.
/// </summary>
public sealed class OfferSettings
{
    /// <summary>Travel card cashback on «Путешествия», «Отели», «Такси» and foreign-currency card spend.</summary>
    public decimal TravelCashbackRate { get; set; } = 0.04m;

    /// <summary>Categories the travel card pays its cashback on.</summary>
    public IReadOnlyList<string> TravelCategories { get; set; } = Category.TravelAndTaxi;

    /// <summary>Premium card base cashback, balance under <see cref="PremiumMiddleTierFromKzt"/>.</summary>
    public decimal PremiumBaseRate { get; set; } = 0.02m;

    /// <summary>Premium card cashback from <see cref="PremiumMiddleTierFromKzt"/> (inclusive) up to <see cref="PremiumTopTierFromKzt"/> (exclusive).</summary>
    public decimal PremiumMiddleRate { get; set; } = 0.03m;

    /// <summary>Premium card cashback from <see cref="PremiumTopTierFromKzt"/> (inclusive).</summary>
    public decimal PremiumTopRate { get; set; } = 0.04m;

    /// <summary>Balance (the "deposit") from which the middle tier applies, inclusive.</summary>
    public decimal PremiumMiddleTierFromKzt { get; set; } = 1_000_000m;

    /// <summary>Balance from which the top tier applies, inclusive.</summary>
    public decimal PremiumTopTierFromKzt { get; set; } = 6_000_000m;

    /// <summary>Premium card boosted cashback on <see cref="PremiumBoostedCategories"/>, whatever the tier.</summary>
    public decimal PremiumBoostedRate { get; set; } = 0.04m;

    /// <summary>Categories with the premium card's boosted cashback.</summary>
    public IReadOnlyList<string> PremiumBoostedCategories { get; set; } = Category.Boutique;

    /// <summary>Premium card cashback cap per month (saved fees come on top).</summary>
    public decimal PremiumCashbackCapKztPerMonth { get; set; } = 100_000m;

    /// <summary>Assumed fee of one ATM withdrawal that the premium card makes free (the case gives no fee; 200–300 ₸ were used).</summary>
    public decimal AtmWithdrawalFeeKzt { get; set; } = 250m;

    /// <summary>Free cash withdrawals per month with the premium card; withdrawals beyond it save no fee.</summary>
    public decimal PremiumFreeWithdrawalKztPerMonth { get; set; } = 3_000_000m;

    /// <summary>Assumed fee of one transfer to a Kazakh card (p2p_out, card_out) that the premium card makes free (≈100 ₸ was used).</summary>
    public decimal TransferFeeKzt { get; set; } = 100m;

    /// <summary>Transfer types whose fees the premium card saves.</summary>
    public IReadOnlyList<string> FreeTransferTypes { get; set; } = TransferType.ToCards;

    /// <summary>Credit card cashback on the three favourite (largest) categories.</summary>
    public decimal CreditCardTopCategoryRate { get; set; } = 0.10m;

    /// <summary>How many favourite categories the credit card pays on.</summary>
    public int CreditCardTopCategories { get; set; } = 3;

    /// <summary>Credit card cashback on online services not already among the favourites (no double counting).</summary>
    public decimal CreditCardOnlineRate { get; set; } = 0.10m;

    /// <summary>The online-service categories of the credit card.</summary>
    public IReadOnlyList<string> OnlineCategories { get; set; } = Category.OnlineServices;

    /// <summary>Assumed spread saved per tenge exchanged in the app (not given; 0.2–1 % were used).</summary>
    public decimal FxSpreadSavingRate { get; set; } = 0.005m;

    /// <summary>Annual rate of «Депозит Мультивалютный».</summary>
    public decimal MultiCurrencyDepositRate { get; set; } = 0.145m;

    /// <summary>Annual rate of «Депозит Сберегательный».</summary>
    public decimal SavingsDepositRate { get; set; } = 0.165m;

    /// <summary>Annual rate of «Депозит Накопительный».</summary>
    public decimal AccumulativeDepositRate { get; set; } = 0.155m;

    /// <summary>Assumed broker commission saved per tenge traded (0 % commission in the first year); never a return.</summary>
    public decimal BrokerCommissionRate { get; set; } = 0.001m;

    /// <summary>Smallest sum to start investing (entry from 6 ₸): the balance that makes investments eligible without any invest_* transfers.</summary>
    public decimal InvestmentsMinBalanceKzt { get; set; } = 6m;

    /// <summary>Credit card limit the catalogue offers (up to 2 000 000 ₸).</summary>
    public decimal CreditCardLimitKzt { get; set; } = 2_000_000m;

    /// <summary>Cash loan rate for terms up to one year (21 % above); quoted, never a benefit.</summary>
    public decimal CashLoanShortRate { get; set; } = 0.12m;

    /// <summary>Balance that makes gold bars eligible without gold transfers or jewellery spending.</summary>
    public decimal GoldMinBalanceKzt { get; set; } = 1_000_000m;

    /// <summary>Cash loan need: the client's loan-payment intensity percentile must reach this (0–1) in the population.</summary>
    public double LoanNeedPercentile { get; set; } = 0.75;

    /// <summary>Cash loan need: the client's balance percentile must not exceed this (0–1): a low balance.</summary>
    public double LoanMaxBalancePercentile { get; set; } = 0.6;

    /// <summary>Weight of the money term (the client's benefit percentile among all clients for that product) in the score.</summary>
    public double MoneyWeight { get; set; } = 0.05;

    /// <summary>Savings deposit prior: the default home for free money when no other product has a distinctive signal.</summary>
    public double SavingsDepositPrior { get; set; } = 0.30;

    /// <summary>Multi-currency deposit prior; savings adds spending stability to the same prior, so without FX activity the multi-currency deposit comes second.</summary>
    public double MultiCurrencyDepositPrior { get; set; } = 0.30;

    /// <summary>Accumulative deposit prior.</summary>
    public double AccumulativeDepositPrior { get; set; } = 0.20;
}
