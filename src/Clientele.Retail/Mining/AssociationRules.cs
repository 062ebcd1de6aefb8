namespace Clientele.Retail.Mining;

/// <summary>Lower bounds on a rule's metrics (each kept when the metric is ≥ its bound, as mlxtend's <c>min_threshold</c>).</summary>
public sealed record RuleFilter(
    double MinSupport = 0, double MinConfidence = 0, double MinLift = 0, double MinLeverage = double.NegativeInfinity, double MinConviction = 0)
{
    public bool Keeps(AssociationRule rule) =>
        rule.Support >= MinSupport && rule.Confidence >= MinConfidence && rule.Lift >= MinLift && rule.Leverage >= MinLeverage
        && rule.Conviction >= MinConviction;
}

/// <summary>Association rules from frequent itemsets as mlxtend's <c>association_rules</c> makes them: every split of each itemset of two or more items into a non-empty antecedent and consequent.</summary>
public static class AssociationRules
{
    public static List<AssociationRule> Generate(FrequentItemsets itemsets, RuleFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        filter ??= new RuleFilter();
        var index = new ItemsetIndex(itemsets);
        var rules = new List<AssociationRule>();
        var baskets = (double)itemsets.BasketCount;
        Span<int> antecedent = stackalloc int[32];
        Span<int> consequent = stackalloc int[32];
        for (var i = 0; i < itemsets.Count; i++)
        {
            var items = itemsets.Items(i);
            if (items.Length < 2)
            {
                continue;
            }
            if (items.Length > 30)
            {
                throw new InvalidOperationException($"An itemset of {items.Length} items has too many rules; lower the maximum length.");
            }
            var support = itemsets.SupportCount(i) / baskets;
            if (support < filter.MinSupport)
            {
                continue;
            }
            for (var mask = 1; mask < (1 << items.Length) - 1; mask++)
            {
                int inA = 0, inC = 0;
                for (var k = 0; k < items.Length; k++)
                {
                    if ((mask & (1 << k)) != 0)
                    {
                        antecedent[inA++] = items[k];
                    }
                    else
                    {
                        consequent[inC++] = items[k];
                    }
                }
                var antecedentSupport = CountOf(index, itemsets, antecedent[..inA]) / baskets;
                var consequentSupport = CountOf(index, itemsets, consequent[..inC]) / baskets;
                var confidence = support / antecedentSupport;
                var lift = confidence / consequentSupport;
                var leverage = support - antecedentSupport * consequentSupport;
                var conviction = confidence < 1 ? (1 - consequentSupport) / (1 - confidence) : double.PositiveInfinity;
                if (confidence >= filter.MinConfidence && lift >= filter.MinLift && leverage >= filter.MinLeverage && conviction >= filter.MinConviction)
                {
                    rules.Add(new AssociationRule(antecedent[..inA].ToArray(), consequent[..inC].ToArray(), support, confidence, lift, leverage, conviction));
                }
            }
        }
        return rules;
    }

    private static int CountOf(ItemsetIndex index, FrequentItemsets itemsets, ReadOnlySpan<int> items)
    {
        var found = index.Find(items);
        return found >= 0
            ? itemsets.SupportCount(found)
            : throw new InvalidOperationException("Rules need every frequent itemset (ItemsetKind.All, without a maximum length below the rules' itemsets).");
    }
}
