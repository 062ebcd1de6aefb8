using Clientele.Retail.Mining;
using Clientele.Testing;

namespace Clientele.Retail.Tests.Mining;

/// <summary>The itemset counts published for the FIMI sets (and reproduced by Borgelt's fpgrowth), on ../shared/data/baskets.</summary>
public sealed class PublishedCountsTests
{
    [SkippableTheory]
    [InlineData("retail.dat", 0.001, 7_589)]
    [InlineData("retail.dat", 0.0001, 240_852)]
    [InlineData("T10I4D100K.dat", 0.001, 27_532)]
    [InlineData("T10I4D100K.dat", 0.0001, 411_365)]
    [InlineData("chess.dat", 0.6, 254_944)]
    [InlineData("mushroom.dat", 0.1, 574_431)]
    public void The_miner_finds_the_published_number_of_frequent_itemsets(string file, double support, int itemsets)
    {
        var baskets = BasketReader.Read(Path.Combine(SharedData.Require("baskets"), "fimi", file));

        var mined = FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfFraction(support)));

        Assert.Equal(itemsets, mined.Count);
    }

    [SkippableFact]
    public void The_fimi_files_have_the_shapes_their_source_lists()
    {
        var folder = Path.Combine(SharedData.Require("baskets"), "fimi");

        var retail = BasketReader.Read(Path.Combine(folder, "retail.dat"));
        var t10 = BasketReader.Read(Path.Combine(folder, "T10I4D100K.dat"));

        Assert.Equal((88_162, 16_470), (retail.Count, retail.ItemCount));
        Assert.Equal((100_000, 870), (t10.Count, t10.ItemCount));
    }

    [SkippableFact]
    public void Groceries_keeps_the_two_labels_that_end_in_a_blank()
    {
        var baskets = BasketReader.Read(Path.Combine(SharedData.Require("baskets"), "groceries", "groceries.csv"));

        Assert.Equal((9_835, 169), (baskets.Count, baskets.ItemCount));
        Assert.Contains("cream cheese ", baskets.Labels);
        Assert.Contains("roll products ", baskets.Labels);
    }
}
