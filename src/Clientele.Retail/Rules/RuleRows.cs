using System.Globalization;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Rules;

/// <summary>Itemsets of SKUs in a rule row: <c>,1001,1042,</c>, so that "contains 1042" is <c>LIKE '%,1042,%'</c>.</summary>
public static class RuleRows
{
    public static MinedRule Of(long runId, AssociationRule rule) => new()
    {
        MiningRunId = runId,
        Antecedents = Join(rule.Antecedent),
        Consequents = Join(rule.Consequent),
        Length = rule.Antecedent.Length + rule.Consequent.Length,
        Support = rule.Support,
        Confidence = rule.Confidence,
        Lift = rule.Lift,
        Leverage = rule.Leverage,
        Conviction = double.IsFinite(rule.Conviction) ? rule.Conviction : null,
    };

    public static string Join(IEnumerable<int> skus) =>
        "," + string.Join(",", skus.Order().Select(s => s.ToString(CultureInfo.InvariantCulture))) + ",";

    public static int[] Split(string skus) =>
        [.. skus.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    public static string Containing(int sku) => "%," + sku.ToString(CultureInfo.InvariantCulture) + ",%";
}
