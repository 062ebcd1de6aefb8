using Clientele.Retail.Bundling;

namespace Clientele.Retail.Tests.Bundling;

public sealed class BundleEvaluationTests
{
    [Fact]
    public void The_split_keeps_the_file_order_and_puts_the_last_share_in_test()
    {
        int[][] baskets = [.. Enumerable.Range(0, 10).Select(index => new[] { index })];

        var (train, test) = BundleEvaluation.SplitLast(baskets, 0.2);

        Assert.Equal(baskets[..8], train);
        Assert.Equal(baskets[8..], test);
        Assert.Throws<ArgumentOutOfRangeException>(() => BundleEvaluation.SplitLast(baskets, 1.5));
    }

    [Fact]
    public void Leave_last_out_uses_baskets_of_two_or_more_distinct_items_and_hides_the_last()
    {
        var cases = BundleEvaluation.HoldOutCases([[1, 2, 3], [4], [5, 5], [6, 7, 6], [8, 9, 10, 11, 12]], HoldOut.LastItem);

        Assert.Equal([[1, 2], [6], [8, 9, 10, 11]], cases.Select(testCase => testCase.Query));
        Assert.Equal([[3], [7], [12]], cases.Select(testCase => testCase.Hidden));
    }

    [Fact]
    public void Leave_half_out_hides_the_last_half_rounded_down()
    {
        var cases = BundleEvaluation.HoldOutCases([[1, 2, 3], [8, 9, 10, 11]], HoldOut.LastHalf);

        Assert.Equal([[1, 2], [8, 9]], cases.Select(testCase => testCase.Query));
        Assert.Equal([[3], [10, 11]], cases.Select(testCase => testCase.Hidden));
    }

    [Fact]
    public void Hit_rate_counts_baskets_with_a_find_and_recall_the_share_of_hidden_items_found()
    {
        HeldOutBasket[] cases = [new([1], [2, 3]), new([4], [5]), new([6], [7, 8, 9, 10])];
        IReadOnlyList<int> Recommend(int[] query) => query[0] switch { 1 => [3, 2], 4 => [9], _ => [7, 0, 0, 0, 8] };

        var atTwo = BundleEvaluation.Measure(cases, Recommend, topK: 2);
        var atTen = BundleEvaluation.Measure(cases, Recommend, topK: 10);

        Assert.Equal(new RankingQuality(3, 2.0 / 3, (1 + 0 + 0.25) / 3), atTwo);
        Assert.Equal(new RankingQuality(3, 2.0 / 3, (1 + 0 + 0.5) / 3), atTen);
        Assert.Equal(new RankingQuality(0, 0, 0), BundleEvaluation.Measure([], Recommend));
    }

    [Fact]
    public void The_popularity_baseline_is_the_best_sellers_less_the_basket()
    {
        var baseline = BundleEvaluation.PopularityBaseline([[0, 1], [1, 2], [1, 2, 2], [3]], 5, topK: 2);

        Assert.Equal([1, 2], baseline([4]));
        Assert.Equal([2, 0], baseline([1]));
        Assert.Equal([0, 3], baseline([1, 2]));
    }

    [Fact]
    public void Tuning_finds_weights_at_least_as_good_as_where_it_started()
    {
        var model = BundleModel.Train(TinyBaskets.Baskets, TinyBaskets.ItemCount, options: new BundleOptions { Dimensions = 4 });
        var validation = BundleEvaluation.HoldOutCases(TinyBaskets.Baskets, HoldOut.LastItem);
        var start = new BundleWeights(0, 0, 0, 1);
        var startQuality = BundleEvaluation.Measure(validation, BundleEvaluation.Recommender(model.WithWeights(start), 1), 1);

        var tuned = BundleEvaluation.TuneWeights(model, validation, topK: 1, start: start);
        var tunedQuality = BundleEvaluation.Measure(validation, BundleEvaluation.Recommender(model.WithWeights(tuned.Weights), 1), 1);

        Assert.True(tuned.ValidationHitRate >= startQuality.HitRate);
        Assert.Equal(tunedQuality.HitRate, tuned.ValidationHitRate, 12);
    }

    [Fact]
    public void Tuning_without_order_keeps_the_order_weights_at_zero()
    {
        var model = BundleModel.Train(TinyBaskets.Baskets, TinyBaskets.ItemCount, options: new BundleOptions { Dimensions = 4 });
        var validation = BundleEvaluation.HoldOutCases(TinyBaskets.Baskets, HoldOut.LastItem);

        var tuned = BundleEvaluation.TuneWeights(model, validation, useOrder: false);

        Assert.Equal((0, 0), (tuned.Weights.Sequence, tuned.Weights.Follows));
    }
}
