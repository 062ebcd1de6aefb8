namespace Clientele.Banking.Offers.Push;

/// <summary>
/// How pushes are written: the money group separator, the length target, who counts as young, and the product terms the
/// texts quote (the case catalogue's values by default).
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

    public decimal TravelCashbackPercent { get; set; } = 4m;
    public decimal PremiumBasePercent { get; set; } = 2m;
    public decimal PremiumMiddlePercent { get; set; } = 3m;
    public decimal PremiumTopPercent { get; set; } = 4m;
    public decimal PremiumMiddleFromKzt { get; set; } = 1_000_000m;
    public decimal PremiumTopFromKzt { get; set; } = 6_000_000m;
    public decimal PremiumBoostedPercent { get; set; } = 4m;
    public decimal PremiumCashbackCapKzt { get; set; } = 100_000m;
    public decimal CreditCashbackPercent { get; set; } = 10m;
    public decimal CashLoanShortRatePercent { get; set; } = 12m;
    public decimal MultiCurrencyRatePercent { get; set; } = 14.5m;
    public decimal SavingsRatePercent { get; set; } = 16.5m;
    public decimal AccumulativeRatePercent { get; set; } = 15.5m;
    public decimal InvestmentEntryKzt { get; set; } = 6m;

    /// <summary>Tenge amounts from the catalogue a text may quote besides the client's figures and the benefit.</summary>
    public IEnumerable<decimal> CatalogueAmounts =>
        [PremiumMiddleFromKzt, PremiumTopFromKzt, PremiumCashbackCapKzt, InvestmentEntryKzt, 2_000_000m, 3_000_000m];

    public bool IsYoung(ClientFeatures client) =>
        client.Age < YoungAgeBelow || client.Status.Equals("Студент", StringComparison.OrdinalIgnoreCase);
}
