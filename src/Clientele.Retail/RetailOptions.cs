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
}
