using System.Text;
using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Mining;

public sealed class MiningCsvTests
{
    [Fact]
    public void Itemsets_are_json_arrays_of_labels_in_a_quoted_field_with_support_and_count()
    {
        var baskets = BasketSet.FromBaskets([["say \"hi\"", "a,b"], ["say \"hi\""], ["crème "]]);
        var itemsets = FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(1)));
        using var output = new MemoryStream();

        MiningCsv.WriteItemsets(itemsets, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal("itemset,support,count", lines[0]);
        Assert.Contains("\"[\"\"say \\\"\"hi\\\"\"\"\"]\",0.6666666666666666,2", lines);
        Assert.Contains("\"[\"\"say \\\"\"hi\\\"\"\"\",\"\"a,b\"\"]\",0.3333333333333333,1", lines);
        Assert.Contains("\"[\"\"crème \"\"]\",0.3333333333333333,1", lines);
        Assert.Equal(itemsets.Count + 2, lines.Length);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void Rules_have_mlxtends_columns_and_inf_for_a_certain_rule()
    {
        var baskets = BasketSet.FromBaskets([["a", "b"], ["a", "b"], ["a"]]);
        var rules = AssociationRules.Generate(FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(2))));
        using var output = new MemoryStream();

        MiningCsv.WriteRules(rules, baskets.Labels, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal("antecedents,consequents,support,confidence,lift,leverage,conviction", lines[0]);
        Assert.Contains("\"[\"\"b\"\"]\",\"[\"\"a\"\"]\",0.6666666666666666,1,1,0,inf", lines);
        Assert.Contains("\"[\"\"a\"\"]\",\"[\"\"b\"\"]\",0.6666666666666666,0.6666666666666666,1,0,1", lines);
    }
}
