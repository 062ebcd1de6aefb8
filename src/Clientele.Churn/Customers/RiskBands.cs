namespace Clientele.Churn.Customers;

/// <summary>
/// The dashboard's low/medium/high cut-offs (<c>Clientele:Churn:Bands</c>): low below <see cref="Medium"/>, high from
/// <see cref="High"/>. Defaults 0.3 and 0.7 keep the original's 0.7 high-risk line; on the bank data they hold about 78 / 14 / 7 %.
/// </summary>
public sealed class RiskBands
{
    public double Medium { get; set; } = 0.3;
    public double High { get; set; } = 0.7;

    public string Of(double score) => score >= High ? "high" : score >= Medium ? "medium" : "low";
}
