using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Mining;

public sealed class AssociationRulesTests
{
    // 5 baskets: bread in 4, milk in 3, both in 2, butter always with bread and milk once.
    private static readonly BasketSet Baskets = BasketSet.FromBaskets(
        [["bread", "milk"], ["bread", "milk", "butter"], ["bread"], ["bread", "eggs"], ["milk"]]);

    private static FrequentItemsets Itemsets => FpGrowth.Mine(Baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(1)));

    private static AssociationRule Rule(IEnumerable<AssociationRule> rules, string[] antecedent, string[] consequent) =>
        rules.Single(r => Labels(r.Antecedent).SetEquals(antecedent) && Labels(r.Consequent).SetEquals(consequent));

    private static HashSet<string> Labels(int[] items) => [.. items.Select(i => Baskets.Labels[i])];

    [Fact]
    public void Metrics_are_mlxtends()
    {
        var rules = AssociationRules.Generate(Itemsets);

        var rule = Rule(rules, ["bread"], ["milk"]);
        Assert.Equal(0.4, rule.Support, 12);
        Assert.Equal(0.5, rule.Confidence, 12);
        Assert.Equal(0.5 / 0.6, rule.Lift, 12);
        Assert.Equal(0.4 - 0.8 * 0.6, rule.Leverage, 12);
        Assert.Equal((1 - 0.6) / (1 - 0.5), rule.Conviction, 12);
    }

    [Fact]
    public void A_certain_rule_has_infinite_conviction()
    {
        var rule = Rule(AssociationRules.Generate(Itemsets), ["butter"], ["bread", "milk"]);

        Assert.Equal(1, rule.Confidence);
        Assert.Equal(double.PositiveInfinity, rule.Conviction);
    }

    [Fact]
    public void Every_split_of_every_itemset_of_two_or_more_items_is_a_rule()
    {
        var itemsets = Itemsets;
        var expected = Enumerable.Range(0, itemsets.Count).Sum(i => (1 << itemsets.Items(i).Length) - 2);

        var rules = AssociationRules.Generate(itemsets);

        Assert.Equal(expected, rules.Count);
        Assert.Equal(rules.Count, rules.Select(r => (string.Join(',', Labels(r.Antecedent).Order()), string.Join(',', Labels(r.Consequent).Order()))).Distinct().Count());
    }

    [Fact]
    public void Each_filter_keeps_the_rules_at_or_above_its_bound()
    {
        var all = AssociationRules.Generate(Itemsets);
        var filters = new (RuleFilter Filter, Func<AssociationRule, bool> Expected)[]
        {
            (new RuleFilter(MinSupport: 0.4), r => r.Support >= 0.4),
            (new RuleFilter(MinConfidence: 0.5), r => r.Confidence >= 0.5),
            (new RuleFilter(MinLift: 1), r => r.Lift >= 1),
            (new RuleFilter(MinLeverage: 0), r => r.Leverage >= 0),
            (new RuleFilter(MinConviction: 1.2), r => r.Conviction >= 1.2),
        };
        foreach (var (filter, expected) in filters)
        {
            var kept = AssociationRules.Generate(Itemsets, filter);

            Assert.Equal(all.Where(expected).Select(Key), kept.Select(Key));
            Assert.InRange(kept.Count, 1, all.Count - 1);
            Assert.All(kept, r => Assert.True(filter.Keeps(r)));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(29)]
    public void On_random_baskets_each_metric_equals_its_definition_from_brute_force_counts(int seed)
    {
        var baskets = BruteForce.RandomBaskets(seed, items: 8, baskets: 60);
        var counts = BruteForce.Frequent(baskets, 3);
        var itemsets = FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(3)));
        var n = (double)baskets.Count;

        var rules = AssociationRules.Generate(itemsets);

        Assert.Equal(counts.Keys.Sum(k => (1 << BruteForce.Length(k)) - 2), rules.Count);
        foreach (var rule in rules)
        {
            var a = counts[BruteForce.Mask(rule.Antecedent)] / n;
            var c = counts[BruteForce.Mask(rule.Consequent)] / n;
            var both = counts[BruteForce.Mask(rule.Antecedent) | BruteForce.Mask(rule.Consequent)] / n;
            Assert.Equal(0, BruteForce.Mask(rule.Antecedent) & BruteForce.Mask(rule.Consequent));
            Assert.Equal(both, rule.Support, 12);
            Assert.Equal(both / a, rule.Confidence, 12);
            Assert.Equal(both / a / c, rule.Lift, 12);
            Assert.Equal(both - a * c, rule.Leverage, 12);
            Assert.Equal(both / a < 1 ? (1 - c) / (1 - both / a) : double.PositiveInfinity, rule.Conviction, 12);
        }
    }

    [Fact]
    public void Rules_from_maximal_itemsets_are_refused_for_lack_of_subsets()
    {
        var maximal = FpGrowth.Mine(Baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(1), Kind: ItemsetKind.Maximal));

        var error = Assert.Throws<InvalidOperationException>(() => AssociationRules.Generate(maximal));
        Assert.Contains("every frequent itemset", error.Message, StringComparison.Ordinal);
    }

    private static string Key(AssociationRule rule) => $"{string.Join(',', rule.Antecedent)}>{string.Join(',', rule.Consequent)}";
}
