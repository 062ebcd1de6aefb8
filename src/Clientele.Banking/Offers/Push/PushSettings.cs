namespace Clientele.Banking.Offers.Push;

/// <summary>
/// How pushes are written: the money group separator, the length target, who counts as young; the product terms the
/// texts quote come from the engine's <see cref="OfferSettings"/>.
/// </summary>
public sealed class PushSettings
{
    /// <summary>Between thousand groups and before ₸. U+0020 like the seed; U+00A0 keeps an amount on one line.</summary>
    public char GroupSeparator { get; set; } = ' ';

    public int TargetMinLength { get; set; } = 180;
    public int TargetMaxLength { get; set; } = 220;
    public int AllowedMinLength { get; set; } = 140;
    public int AllowedMaxLength { get; set; } = 240;

    /// <summary>Clients younger than this (and every Студент) get the livelier tone and the slang check.</summary>
    public int YoungAgeBelow { get; set; } = 25;

    /// <summary>The product catalogue the engine ranks with; texts quote its terms, so a changed rate changes both.</summary>
    public OfferSettings Catalogue { get; set; } = new();

    public decimal TravelCashbackPercent => Percent(Catalogue.TravelCashbackRate);
    public decimal PremiumBasePercent => Percent(Catalogue.PremiumBaseRate);
    public decimal PremiumMiddlePercent => Percent(Catalogue.PremiumMiddleRate);
    public decimal PremiumTopPercent => Percent(Catalogue.PremiumTopRate);
    public decimal PremiumMiddleFromKzt => Catalogue.PremiumMiddleTierFromKzt;
    public decimal PremiumTopFromKzt => Catalogue.PremiumTopTierFromKzt;
    public decimal PremiumBoostedPercent => Percent(Catalogue.PremiumBoostedRate);
    public decimal PremiumCashbackCapKzt => Catalogue.PremiumCashbackCapKztPerMonth;
    public decimal CreditCashbackPercent => Percent(Catalogue.CreditCardTopCategoryRate);
    public decimal CashLoanShortRatePercent => Percent(Catalogue.CashLoanShortRate);
    public decimal MultiCurrencyRatePercent => Percent(Catalogue.MultiCurrencyDepositRate);
    public decimal SavingsRatePercent => Percent(Catalogue.SavingsDepositRate);
    public decimal AccumulativeRatePercent => Percent(Catalogue.AccumulativeDepositRate);
    public decimal InvestmentEntryKzt => Catalogue.InvestmentsMinBalanceKzt;

    /// <summary>Tenge amounts from the catalogue a text may quote besides the client's figures and the benefit.</summary>
    public IEnumerable<decimal> CatalogueAmounts =>
        [PremiumMiddleFromKzt, PremiumTopFromKzt, PremiumCashbackCapKzt, InvestmentEntryKzt, Catalogue.CreditCardLimitKzt, Catalogue.PremiumFreeWithdrawalKztPerMonth];

    // Dividing by 1.000…m drops the trailing zeros that rate × 100 carries (0.04m × 100 = 4.00m).
    private static decimal Percent(decimal rate) => rate * 100m / 1.000000000000000000000000000000000m;

    public bool IsYoung(ClientFeatures client) =>
        client.Age < YoungAgeBelow || client.Status.Equals("Студент", StringComparison.OrdinalIgnoreCase);
}
