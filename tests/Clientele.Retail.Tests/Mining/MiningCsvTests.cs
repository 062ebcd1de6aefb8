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

    [Theory]
    [InlineData(1, "a|é|b\\\\c|0123456789a")]
    [InlineData(4, "a|é|b\\\\c|0123456789a")]
    [InlineData(1, "a|a label longer than a copied block|é")]
    [InlineData(4, "a|a label longer than a copied block|é")]
    public void Streamed_itemsets_are_the_bytes_of_the_table_written_out(int threads, string labels)
    {
        var names = labels.Split('|');
        var random = new Random(threads);
        var baskets = BasketSet.FromBaskets(Enumerable.Range(0, 300).Select(_ => names.Where(_ => random.Next(3) > 0).ToArray()));
        var options = new ItemsetMiningOptions(MinimumSupport.OfCount(2), MaxDegreeOfParallelism: threads);
        using var table = new MemoryStream();
        using var streamed = new MemoryStream();

        MiningCsv.WriteItemsets(FpGrowth.Mine(baskets, options), table);
        using (var writer = new ItemsetCsvWriter(streamed, baskets.Labels, baskets.Count))
        {
            FpGrowth.Mine(baskets, options, writer);
        }

        var text = Encoding.UTF8.GetString(streamed.ToArray());
        Assert.Equal(Encoding.UTF8.GetString(table.ToArray()), text);
        Assert.Equal((1 << names.Length) - 1 + 2, text.Split('\n').Length);
        Assert.All(names, name => Assert.Contains($"\"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal)}\"\"", text, StringComparison.Ordinal));
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
