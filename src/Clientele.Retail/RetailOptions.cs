namespace Clientele.Retail;

/// <summary><c>Clientele:Retail</c>.</summary>
public sealed class RetailOptions
{
    /// <summary>
    /// How far a transaction's lines may add up beyond its amount, as the largest discount allowed: lines may total at most
    /// <c>amount / (1 − MaxDiscount)</c> (plus a cent). 0.5 is the largest discount in seed 001's data; 0 means the lines
    /// may never exceed the amount.
    /// </summary>
    public decimal MaxDiscount { get; set; } = 0.5m;

    /// <summary>The most rules a mining run stores (those of highest lift); the bundle model still learns from all.</summary>
    public int MaxRulesPerRun { get; set; } = 100_000;

    /// <summary>The discount of a suggested bundle price when the request names none, in percent.</summary>
    public decimal BundleDiscountPercent { get; set; } = 10;
}
