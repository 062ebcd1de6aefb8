using Clientele.Retail.Bundling;

namespace Clientele.Retail.Tests.Bundling;

public sealed class ItemStatisticsTests
{
    private static readonly int[][] Baskets = [[0, 1, 2], [2, 1, 1], [0, 3], [1]];

    [Fact]
    public void Counts_pairs_once_per_basket_symmetrically_with_sorted_partners()
    {
        var counts = ItemCooccurrence.Count(Baskets, 5);

        Assert.Equal(4, counts.BasketCount);
        Assert.Equal([2, 3, 2, 1, 0], Enumerable.Range(0, 5).Select(item => counts.CountOf(item)));
        Assert.Equal(2, counts.CountOf(1, 2));
        Assert.Equal(2, counts.CountOf(2, 1));
        Assert.Equal(0, counts.CountOf(1, 1));
        Assert.Equal(0, counts.CountOf(3, 4));
        Assert.Equal(0, counts.CountOf(-1, 2));
        Assert.Equal([0, 2], counts.PartnersOf(1).ToArray());
        Assert.Equal(2.0 * 4 / (3 * 2), counts.Lift(1, 2), 12);
        Assert.Equal(2.0 / 3, counts.Confidence(1, 2), 12);
        Assert.Equal(0, counts.Lift(3, 4));
    }

    [Fact]
    public void Later_counts_follow_the_first_place_of_each_item()
    {
        var counts = ItemCooccurrence.Count(Baskets, 5);

        Assert.Equal(1, counts.CountLater(1, 2));
        Assert.Equal(1, counts.CountLater(2, 1));
        Assert.Equal(1, counts.CountLater(0, 3));
        Assert.Equal(0, counts.CountLater(3, 0));
    }

    [Fact]
    public void Transitions_count_each_item_followed_by_the_next_distinct_one()
    {
        var transitions = ItemTransitions.Count(Baskets, 5);

        Assert.Equal(1, transitions.CountOf(0, 1));
        Assert.Equal(1, transitions.CountOf(1, 2));
        Assert.Equal(1, transitions.CountOf(2, 1));
        Assert.Equal(0, transitions.CountOf(1, 1));
        Assert.Equal(2, transitions.OutgoingOf(0));
        Assert.Equal(0.5, transitions.Probability(0, 3));
        Assert.Equal(0, transitions.Probability(4, 0));
        Assert.Equal(0, transitions.Probability(-1, 0));
    }

    [Fact]
    public void Vectors_are_unit_length_and_put_items_of_one_group_together()
    {
        int[][] groups = [.. Enumerable.Range(0, 40).Select(index => index % 2 == 0 ? new[] { 0, 1, 2 } : [3, 4, 5]), [2, 3]];
        var vectors = ItemEmbeddings.Train(ItemCooccurrence.Count(groups, 6), dimensions: 4, seed: 1);

        Assert.All(Enumerable.Range(0, 6), item => Assert.Equal(1, ItemEmbeddings.Dot(vectors.Of(item), vectors.Of(item)), 5));
        Assert.True(vectors.Cosine(0, 1) > 0.9, $"cos(0,1) = {vectors.Cosine(0, 1)}");
        Assert.True(vectors.Cosine(3, 4) > 0.9, $"cos(3,4) = {vectors.Cosine(3, 4)}");
        Assert.True(vectors.Cosine(0, 4) < 0.1, $"cos(0,4) = {vectors.Cosine(0, 4)}");
    }

    [Fact]
    public void Vectors_of_a_catalogue_without_pairs_are_zero()
    {
        var vectors = ItemEmbeddings.Train(ItemCooccurrence.Count([[0], [1]], 3), dimensions: 8, seed: 1);

        Assert.Equal(3, vectors.Dimensions);
        Assert.All(Enumerable.Range(0, 3), item => Assert.Equal(0, vectors.Cosine(item, item)));
    }

    [Fact]
    public void The_basket_file_keeps_labels_untrimmed_and_drops_repeats()
    {
        var set = BasketFile.Read(new StringReader("cream cheese ,milk,cream cheese\nmilk,milk\n\nbread,,milk\n"));

        Assert.Equal(["cream cheese ", "milk", "cream cheese", "bread"], set.Labels);
        Assert.Equal([[0, 1, 2], [1], [3, 1]], set.Baskets);
    }
}
