using Clientele.Retail.Mining;

namespace Clientele.Retail.Tests.Mining;

/// <summary>The miner against brute-force enumeration on random small basket sets.</summary>
public sealed class FpGrowthPropertyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 40)];

    private static readonly MinimumSupport[] Supports =
    [
        MinimumSupport.OfCount(1), MinimumSupport.OfCount(2), MinimumSupport.OfCount(3), MinimumSupport.OfFraction(0.05),
        MinimumSupport.OfFraction(0.1), MinimumSupport.OfFraction(0.25), MinimumSupport.OfFraction(0.5), MinimumSupport.OfFraction(1),
    ];

    private static readonly int[] MaxLengths = [1, 2, 3, int.MaxValue];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_itemset_and_count_equals_brute_force_for_every_support_length_and_kind(int seed)
    {
        var baskets = BruteForce.RandomBaskets(seed, items: 4 + seed % 7, baskets: 1 + seed * 3 % 70);
        foreach (var support in Supports)
        {
            var frequent = BruteForce.Frequent(baskets, support.ToCount(baskets.Count));
            foreach (var maxLength in MaxLengths)
            {
                foreach (var kind in Enum.GetValues<ItemsetKind>())
                {
                    var mined = FpGrowth.Mine(baskets, new ItemsetMiningOptions(support, maxLength, kind));

                    var found = new Dictionary<int, int>();
                    for (var i = 0; i < mined.Count; i++)
                    {
                        Assert.True(found.TryAdd(BruteForce.Mask(mined.Items(i)), mined.SupportCount(i)), $"seed {seed}: itemset {i} found twice");
                        Assert.Equal(mined.Items(i).Length, BruteForce.Length(BruteForce.Mask(mined.Items(i))));
                    }
                    var expected = BruteForce.Select(frequent, kind, maxLength);
                    Assert.True(
                        expected.OrderBy(e => e.Key).SequenceEqual(found.OrderBy(e => e.Key)),
                        $"seed {seed}, support {support}, max length {maxLength}, {kind}: expected {expected.Count} itemsets, mined {found.Count}");
                }
            }
        }
    }

    [Theory]
    [InlineData(101)]
    [InlineData(102)]
    [InlineData(103)]
    [InlineData(104)]
    public void Larger_random_sets_mined_in_parallel_equal_brute_force(int seed)
    {
        var baskets = BruteForce.RandomBaskets(seed, items: 14, baskets: 400);
        foreach (var count in new[] { 2, 5, 20 })
        {
            var expected = BruteForce.Frequent(baskets, count);

            var mined = FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(count), MaxDegreeOfParallelism: 4));

            var found = Enumerable.Range(0, mined.Count).ToDictionary(i => BruteForce.Mask(mined.Items(i)), mined.SupportCount);
            Assert.Equal(mined.Count, found.Count);
            Assert.True(expected.OrderBy(e => e.Key).SequenceEqual(found.OrderBy(e => e.Key)), $"seed {seed}, count {count}: expected {expected.Count}, mined {found.Count}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_table_is_the_same_in_the_same_order_on_one_thread_or_many(int seed)
    {
        var baskets = BruteForce.RandomBaskets(seed, items: 12, baskets: 200);
        var options = new ItemsetMiningOptions(MinimumSupport.OfCount(2));

        var single = FpGrowth.Mine(baskets, options with { MaxDegreeOfParallelism = 1 });
        var parallel = FpGrowth.Mine(baskets, options with { MaxDegreeOfParallelism = 4 });

        Assert.Equal(single.Count, parallel.Count);
        for (var i = 0; i < single.Count; i++)
        {
            Assert.Equal(single.Items(i).ToArray(), parallel.Items(i).ToArray());
            Assert.Equal(single.SupportCount(i), parallel.SupportCount(i));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_stream_hands_on_the_table_in_its_order_for_every_kind_length_and_thread_count(int seed)
    {
        var baskets = BruteForce.RandomBaskets(seed, items: 12, baskets: 150);
        foreach (var maxLength in MaxLengths)
        {
            foreach (var kind in Enum.GetValues<ItemsetKind>())
            {
                foreach (var threads in new[] { 1, 4 })
                {
                    var options = new ItemsetMiningOptions(MinimumSupport.OfCount(2), maxLength, kind, threads);
                    var table = FpGrowth.Mine(baskets, options);
                    var streamed = new Recorder();

                    var count = FpGrowth.Mine(baskets, options, streamed);

                    Assert.Equal(table.Count, count);
                    Assert.Equal(table.Count, streamed.Itemsets.Count);
                    for (var i = 0; i < table.Count; i++)
                    {
                        Assert.Equal(table.Items(i).ToArray(), streamed.Itemsets[i].Items);
                        Assert.Equal(table.SupportCount(i), streamed.Itemsets[i].Count);
                    }
                }
            }
        }
    }

    private sealed class Recorder : ItemsetSink
    {
        public List<(int[] Items, int Count)> Itemsets { get; } = [];

        public override void Add(ReadOnlySpan<int> items, int count) => Itemsets.Add((items.ToArray(), count));
    }

    [Fact]
    public void Items_come_most_frequent_first_and_support_is_the_count_over_the_baskets()
    {
        var baskets = BasketSet.FromBaskets([["b", "a"], ["a"], ["a", "b", "c"], ["c"]]);

        var mined = FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfFraction(0.5)));

        var ab = Enumerable.Range(0, mined.Count).Single(i => mined.Items(i).Length == 2);
        Assert.Equal(["a", "b"], mined.Items(ab).ToArray().Select(i => baskets.Labels[i]));
        Assert.Equal(2, mined.SupportCount(ab));
        Assert.Equal(0.5, mined.Support(ab));
        Assert.Equal(2, mined.MinimumCount);
        Assert.Equal(4, mined.BasketCount);
    }

    [Fact]
    public void A_support_no_itemset_reaches_gives_an_empty_table()
    {
        var baskets = BasketSet.FromBaskets([["a"], ["b"]]);

        Assert.Equal(0, FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfFraction(1))).Count);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.000001)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MinimumSupport.OfFraction(fraction));
        Assert.Contains("above 0 and at most 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_below_one_and_a_length_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MinimumSupport.OfCount(0));
        var baskets = BasketSet.FromBaskets([["a"]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FpGrowth.Mine(baskets, new ItemsetMiningOptions(MinimumSupport.OfCount(1), MaxLength: 0)));
        Assert.Throws<ArgumentException>(() => FpGrowth.Mine(baskets, new ItemsetMiningOptions(default)));
    }

    [Theory]
    [InlineData(0.1, 10, 1)]
    [InlineData(0.1, 88162, 8817)]
    [InlineData(0.0001, 88162, 9)]
    [InlineData(0.005, 3773, 19)]
    [InlineData(0.3, 10, 3)]
    [InlineData(1.0, 7, 7)]
    public void A_fraction_becomes_the_least_count_whose_support_reaches_it(double fraction, int baskets, int count)
    {
        var least = MinimumSupport.OfFraction(fraction).ToCount(baskets);

        Assert.Equal(count, least);
        Assert.True((double)least / baskets >= fraction);
        Assert.True(least == 1 || (double)(least - 1) / baskets < fraction);
    }
}
