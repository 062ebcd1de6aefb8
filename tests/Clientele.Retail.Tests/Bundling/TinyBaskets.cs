using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Bundling;

/// <summary>Hand-made baskets: bread goes with butter more than with jam; tea with lemon; milk sells everywhere.</summary>
internal static class TinyBaskets
{
    public const int Bread = 0, Butter = 1, Jam = 2, Tea = 3, Lemon = 4, Milk = 5, Salt = 6, Unsold = 7;
    public const int ItemCount = 8;

    public static int[][] Baskets { get; } =
    [
        [Bread, Butter], [Bread, Butter], [Bread, Butter, Milk], [Bread, Butter, Jam], [Bread, Jam],
        [Tea, Lemon], [Tea, Lemon, Milk], [Tea, Lemon], [Milk], [Milk, Salt], [Milk], [Milk, Bread, Butter],
    ];

    /// <summary>Every one-to-one rule with its mlxtend metrics, computed by brute force.</summary>
    public static IReadOnlyList<AssociationRule> PairRules(IReadOnlyList<int[]> baskets, int itemCount, double minSupport = 0, double minConfidence = 0)
    {
        var total = (double)baskets.Count;
        double Support(params int[] items) => baskets.Count(basket => items.All(basket.Contains)) / total;
        var rules = new List<AssociationRule>();
        for (var antecedent = 0; antecedent < itemCount; antecedent++)
        {
            for (var consequent = 0; consequent < itemCount; consequent++)
            {
                var both = Support(antecedent, consequent);
                if (antecedent == consequent || both == 0 || both < minSupport)
                {
                    continue;
                }
                var confidence = both / Support(antecedent);
                if (confidence < minConfidence)
                {
                    continue;
                }
                var consequentSupport = Support(consequent);
                rules.Add(new AssociationRule([antecedent], [consequent], both, confidence, confidence / consequentSupport,
                    both - Support(antecedent) * consequentSupport, confidence >= 1 ? double.PositiveInfinity : (1 - consequentSupport) / (1 - confidence)));
            }
        }
        return rules;
    }
}
