namespace Clientele.Retail.Mining;

/// <summary>
/// <c>antecedent ⇒ consequent</c> over item ids (the caller's ids, each an index into its item labels), with mlxtend's metrics:
/// support of the union, confidence = support / support(antecedent), lift = confidence / support(consequent),
/// leverage = support − support(antecedent)·support(consequent), conviction = (1 − support(consequent)) / (1 − confidence),
/// infinite when confidence is 1.
/// </summary>
public sealed record AssociationRule(
    int[] Antecedent, int[] Consequent, double Support, double Confidence, double Lift, double Leverage, double Conviction);
