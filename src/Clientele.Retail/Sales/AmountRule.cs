using System.Globalization;

namespace Clientele.Retail.Sales;

/// <summary>
/// A transaction's amount is what was paid, its lines what was bought at their unit prices. The lines may add up to more than
/// the amount only by the largest discount allowed (<see cref="RetailOptions.MaxDiscount"/>): lines × (1 − discount) ≤ amount + 0.01.
/// Lines adding up to less than the amount are allowed: lines arrive one by one after their transaction (seed 001's
/// <c>POST /api/sales/</c>), so a transaction is filled up to its amount, never past it.
/// </summary>
public static class AmountRule
{
    public const decimal Tolerance = 0.01m;

    public static bool Holds(decimal amount, decimal linesTotal, decimal maxDiscount) => linesTotal * (1 - maxDiscount) <= amount + Tolerance;

    /// <summary>The most the lines of a transaction of <paramref name="amount"/> may add up to.</summary>
    public static decimal MaxLinesTotal(decimal amount, decimal maxDiscount) =>
        maxDiscount >= 1 ? decimal.MaxValue : decimal.Round((amount + Tolerance) / (1 - maxDiscount), 2, MidpointRounding.ToZero);

    public static string Explain(int transactionId, decimal amount, decimal linesTotal, decimal maxDiscount) => string.Create(CultureInfo.InvariantCulture,
        $"The lines of transaction {transactionId} would add up to {linesTotal:0.00} against its transaction_amount of {amount:0.00}; " +
        $"with a discount of at most {maxDiscount * 100:0.##}% they may add up to {MaxLinesTotal(amount, maxDiscount):0.00}");
}
