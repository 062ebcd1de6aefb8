using System.Globalization;
using System.Text;
using Clientele.Retail.Mining;
using Clientele.Testing;

namespace Clientele.Retail.Tests.Mining;

/// <summary>
/// The original Clustr's rules (mlxtend apriori at min_support 0.005, rules with lift ≥ 1, on its sales lines grouped by
/// transaction, items named by product) are <c>baseline_rules.csv</c>; ours on the same input must be the same rules.
/// </summary>
public sealed class ClustrBaselineRulesTests
{
    [SkippableFact]
    public void Rules_on_the_seed_sales_equal_the_baseline_to_1e_9()
    {
        var folder = Path.Combine(SharedData.Require("baskets"), "clustr_seed");
        var names = Rows(Path.Combine(folder, "products.csv")).ToDictionary(r => r["product_sku"], r => r["product_name"]);
        var baskets = BasketSet.FromBaskets(Rows(Path.Combine(folder, "sales.csv"))
            .GroupBy(r => r["transaction_id"]).Select(g => g.Select(r => names[r["product_sku"]])));

        var itemsets = FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfFraction(0.005)));
        var ours = AssociationRules.Generate(itemsets, new RuleFilter(MinLift: 1))
            .ToDictionary(r => Key(r.Antecedent.Select(i => baskets.Labels[i]), r.Consequent.Select(i => baskets.Labels[i])));

        var baseline = Rows(Path.Combine(folder, "baseline_rules.csv")).ToList();
        Assert.Equal(3_773, baskets.Count);
        Assert.Equal(baseline.Count, ours.Count);
        foreach (var row in baseline)
        {
            var key = Key(FrozenSet(row["antecedents"]), FrozenSet(row["consequents"]));
            Assert.True(ours.TryGetValue(key, out var rule), $"missing rule {key}");
            Assert.Equal(Number(row["support"]), rule.Support, 1e-9);
            Assert.Equal(Number(row["confidence"]), rule.Confidence, 1e-9);
            Assert.Equal(Number(row["lift"]), rule.Lift, 1e-9);
            Assert.Equal(Number(row["leverage"]), rule.Leverage, 1e-9);
            Assert.Equal(Number(row["conviction"]), rule.Conviction, 1e-9);
        }
    }

    [Fact]
    public void Frozen_sets_are_read_with_both_quote_styles_and_escapes()
    {
        Assert.Equal(["a", "b, c"], FrozenSet("frozenset({'a', 'b, c'})"));
        Assert.Equal(["it's", "x\\y"], FrozenSet("frozenset({\"it's\", 'x\\\\y'})"));
    }

    private static string Key(IEnumerable<string> antecedent, IEnumerable<string> consequent) =>
        $"{string.Join(" | ", antecedent.Order(StringComparer.Ordinal))} => {string.Join(" | ", consequent.Order(StringComparer.Ordinal))}";

    private static double Number(string text) => text == "inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Python's <c>repr</c> of a frozenset of strings.</summary>
    private static List<string> FrozenSet(string text)
    {
        Assert.StartsWith("frozenset({", text, StringComparison.Ordinal);
        var labels = new List<string>();
        for (var i = "frozenset({".Length; i < text.Length && text[i] != '}'; i++)
        {
            if (text[i] is not ('\'' or '"'))
            {
                continue;
            }
            var quote = text[i++];
            var label = new StringBuilder();
            for (; text[i] != quote; i++)
            {
                label.Append(text[i] == '\\' ? text[++i] : text[i]);
            }
            labels.Add(label.ToString());
        }
        return labels;
    }

    /// <summary>A CSV with a header, fields quoted when they hold commas (as pandas writes them).</summary>
    private static IEnumerable<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Fields(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => header.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second));
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
