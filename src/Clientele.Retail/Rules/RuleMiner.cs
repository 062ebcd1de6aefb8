using System.Globalization;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Rules;

/// <summary>A run's baskets of SKUs through the miner; the rules come back over SKUs.</summary>
public static class RuleMiner
{
    public sealed record Settings(double MinSupport, double MinConfidence, double MinLift, int MaxLength)
    {
        public static Settings Of(MiningRun run) => new(run.MinSupport, run.MinConfidence, run.MinLift, run.MaxLength);

        public MinimumSupport MinimumSupport => MinSupport < 1 ? MinimumSupport.OfFraction(MinSupport) : MinimumSupport.OfCount((int)MinSupport);
    }

    public sealed record Outcome(long Itemsets, IReadOnlyList<AssociationRule> Rules);

    public static Outcome Mine(IReadOnlyList<int[]> baskets, Settings settings)
    {
        if (baskets.Count == 0)
        {
            return new Outcome(0, []);
        }
        var set = BasketSet.FromBaskets(baskets.Select(basket => basket.Select(sku => sku.ToString(CultureInfo.InvariantCulture))));
        var itemsets = FpGrowth.Mine(set, new ItemsetMiningOptions(settings.MinimumSupport, settings.MaxLength));
        var rules = AssociationRules.Generate(itemsets, new RuleFilter(MinConfidence: settings.MinConfidence, MinLift: settings.MinLift));
        var skus = set.Labels.Select(label => int.Parse(label, CultureInfo.InvariantCulture)).ToArray();
        return new Outcome(itemsets.Count, rules.Select(rule => rule with
        {
            Antecedent = [.. rule.Antecedent.Select(item => skus[item])],
            Consequent = [.. rule.Consequent.Select(item => skus[item])],
        }).ToList());
    }
}
