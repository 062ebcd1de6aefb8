using Clientele.Retail.Bundling;
using Clientele.Retail.Mining;
using static Clientele.Retail.Tests.Bundling.TinyBaskets;

namespace Clientele.Retail.Tests.Bundling;

public sealed class BundleModelTests
{
    private static readonly BundleOptions Small = new() { Dimensions = 4, Neighbours = 5 };

    private static BundleModel Train(IReadOnlyList<AssociationRule>? rules = null, BundleWeights? weights = null) =>
        BundleModel.Train(Baskets, ItemCount, rules, Small with { Weights = weights ?? BundleWeights.Default });

    [Fact]
    public void Bread_gets_butter_first_then_jam_ranked_from_1()
    {
        var recommended = Train().Recommend([Bread], 3);

        Assert.Equal([Butter, Jam], recommended.Take(2).Select(item => item.Item));
        Assert.Equal([1, 2, 3], recommended.Select(item => item.Rank));
        Assert.True(recommended[0].Score > recommended[1].Score);
        Assert.True(recommended.Zip(recommended.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void Tea_gets_lemon_and_never_an_item_already_in_the_basket()
    {
        var recommended = Train().Recommend([Tea, Milk], 10);

        Assert.Equal(Lemon, recommended[0].Item);
        Assert.DoesNotContain(recommended, item => item.Item is Tea or Milk);
        Assert.DoesNotContain(recommended, item => item.Item == Unsold);
        Assert.Equal(recommended.Count, recommended.Select(item => item.Item).Distinct().Count());
    }

    [Fact]
    public void Pair_evidence_gives_the_exact_count_lift_and_confidence_with_each_basket_item()
    {
        var butter = Train().Recommend([Bread, Milk], 10).Single(item => item.Item == Butter);

        // 12 baskets; bread in 6, butter in 5, milk in 6; bread+butter in 5, milk+butter in 2.
        var withBread = Assert.Single(butter.Pairs, pair => pair.BasketItem == Bread);
        Assert.Equal(5, withBread.Together);
        Assert.Equal(5.0 * 12 / (6 * 5), withBread.Lift, 12);
        Assert.Equal(5.0 / 6, withBread.Confidence, 12);
        var withMilk = Assert.Single(butter.Pairs, pair => pair.BasketItem == Milk);
        Assert.Equal(2, withMilk.Together);
        Assert.Equal(2.0 * 12 / (6 * 5), withMilk.Lift, 12);
        Assert.Equal((5.0 / 6 + 2.0 / 6) / 2, butter.Parts.Cooccurrence, 12);
        Assert.Equal(5.0 / 12, butter.Parts.Popularity, 12);
    }

    [Fact]
    public void A_pair_never_seen_together_is_left_out_of_the_pair_evidence()
    {
        var salt = Train().Recommend([Tea, Milk], 10).Single(item => item.Item == Salt);

        var pair = Assert.Single(salt.Pairs);
        Assert.Equal((Milk, 1), (pair.BasketItem, pair.Together));
    }

    [Fact]
    public void Rules_whose_antecedent_lies_in_the_basket_are_the_evidence_and_the_rule_signal()
    {
        var rules = PairRules(Baskets, ItemCount);
        var model = Train(rules);

        var butter = model.Recommend([Bread], 10).Single(item => item.Item == Butter);

        var rule = Assert.Single(butter.Rules);
        Assert.Equal([Bread], rule.Antecedent);
        Assert.Equal([Butter], rule.Consequent);
        Assert.Equal(5.0 / 6, butter.Parts.Rules, 12);
        Assert.All(model.Recommend([Bread], 10).SelectMany(item => item.Rules), fired => Assert.Equal([Bread], fired.Antecedent));
    }

    [Fact]
    public void A_rule_with_a_longer_antecedent_fires_only_when_all_of_it_is_in_the_basket()
    {
        AssociationRule breadAndButterToJam = new([Bread, Butter], [Jam, Salt], 0.1, 0.9, 2, 0.05, 3);
        var model = Train([breadAndButterToJam], new BundleWeights(10, 1, 0, 0));

        var withBoth = model.Recommend([Bread, Butter], 10);
        var breadAlone = model.Recommend([Bread], 10);

        Assert.Equal(Jam, withBoth[0].Item);
        Assert.Same(breadAndButterToJam, Assert.Single(withBoth[0].Rules));
        Assert.Same(breadAndButterToJam, Assert.Single(withBoth.Single(item => item.Item == Salt).Rules));
        Assert.Equal(0.9, withBoth[0].Parts.Rules);
        Assert.All(breadAlone, item => Assert.Empty(item.Rules));
        Assert.All(breadAlone, item => Assert.Equal(0, item.Parts.Rules));
    }

    [Fact]
    public void A_rule_whose_consequent_is_already_in_the_basket_does_not_fire()
    {
        AssociationRule breadToButter = new([Bread], [Butter], 0.4, 0.8, 1.9, 0.2, 3);
        var model = Train([breadToButter]);

        Assert.All(model.Recommend([Bread, Butter], 10), item => Assert.Empty(item.Rules));
    }

    [Fact]
    public void The_learned_score_is_reported_and_higher_for_an_item_of_the_same_group()
    {
        var recommended = Train().Recommend([Tea], 10);

        var lemon = recommended.Single(item => item.Item == Lemon);
        var jam = recommended.SingleOrDefault(item => item.Item == Jam);
        Assert.InRange(lemon.Parts.Embedding, 0.0, 1.0);
        Assert.True(jam is null || lemon.Parts.Embedding > jam.Parts.Embedding);
    }

    [Fact]
    public void Unknown_unsold_and_repeated_ids_are_ignored()
    {
        var model = Train();

        var plain = model.Recommend([Bread], 5).Select(item => item.Item);
        var noisy = model.Recommend([Bread, -1, 99, Unsold, Bread], 5).Select(item => item.Item);

        Assert.Equal(plain, noisy);
    }

    [Fact]
    public void An_empty_or_all_unknown_basket_gets_the_best_sellers_ties_to_the_lower_id()
    {
        var model = Train();

        var empty = model.Recommend([], 3);
        var unknown = model.Recommend([42, -7], 3);

        Assert.Equal([Bread, Milk, Butter], empty.Select(item => item.Item));
        Assert.Equal(empty.Select(item => item.Item), unknown.Select(item => item.Item));
        Assert.All(empty, item => Assert.Empty(item.Pairs));
    }

    [Fact]
    public void Top_zero_is_an_empty_list_and_a_negative_top_is_refused()
    {
        var model = Train();

        Assert.Empty(model.Recommend([Bread], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Recommend([Bread], -1));
    }

    [Fact]
    public void Fewer_candidates_than_asked_gives_a_shorter_list()
    {
        var model = BundleModel.Train([[0, 1], [0, 1]], 3, options: Small);

        var recommended = model.Recommend([0], 10);

        Assert.Equal([1], recommended.Select(item => item.Item));
    }

    [Fact]
    public void Training_refuses_ids_outside_the_catalogue_and_malformed_rules()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BundleModel.Train([[0, 8]], ItemCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => BundleModel.Train([[-1]], ItemCount));
        Assert.Throws<ArgumentException>(() => BundleModel.Train(Baskets, ItemCount, [new AssociationRule([], [1], 0, 0, 0, 0, 0)]));
        Assert.Throws<ArgumentException>(() => BundleModel.Train(Baskets, ItemCount, [new AssociationRule([0], [ItemCount], 0, 0, 0, 0, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Train(weights: new BundleWeights(-1, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Train(weights: new BundleWeights(double.NaN, 1, 0, 0)));
    }

    [Fact]
    public void An_empty_training_set_recommends_nothing()
    {
        var model = BundleModel.Train([], 3, options: Small);

        Assert.Empty(model.Recommend([0], 10));
        Assert.Empty(model.Recommend([], 10));
    }

    [Fact]
    public void Saved_and_loaded_the_model_answers_the_same_and_keeps_its_rules_and_weights()
    {
        var weights = new BundleWeights(0.3, 1, 0.2, 0.1, 0.5, 0.4);
        var model = Train(PairRules(Baskets, ItemCount), weights);

        var loaded = BundleModel.FromBytes(model.ToBytes());

        Assert.Equal(weights, loaded.Weights);
        Assert.Equal(model.Rules.Count, loaded.Rules.Count);
        foreach (var basket in new[] { new[] { Bread }, [Tea, Milk], [], [Bread, Jam, Salt] })
        {
            Assert.Equivalent(model.Recommend(basket, 10), loaded.Recommend(basket, 10), strict: true);
        }
        Assert.Equal(model.ToBytes(), loaded.ToBytes());
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes()
    {
        Assert.Equal(Train(PairRules(Baskets, ItemCount)).ToBytes(), Train(PairRules(Baskets, ItemCount)).ToBytes());
    }

    [Fact]
    public void Truncated_or_foreign_bytes_are_refused_as_invalid_data()
    {
        var bytes = Train().ToBytes();

        Assert.Throws<InvalidDataException>(() => BundleModel.FromBytes(bytes[..(bytes.Length / 2)]));
        Assert.Throws<InvalidDataException>(() => BundleModel.FromBytes([]));
        Assert.Throws<InvalidDataException>(() => BundleModel.FromBytes("not a model at all"u8.ToArray()));
        var corrupt = (byte[])bytes.Clone();
        corrupt[^5] ^= 0x7F;
        var flipped = Record.Exception(() => BundleModel.FromBytes(corrupt));
        Assert.True(flipped is null or InvalidDataException, $"A flipped byte threw {flipped?.GetType().Name}.");
    }

    [Fact]
    public void With_weights_and_with_rules_change_only_what_they_name()
    {
        var model = Train();
        var rules = PairRules(Baskets, ItemCount);

        var reweighted = model.WithWeights(new BundleWeights(0, 0, 0, 1));
        var ruled = model.WithRules(rules);

        Assert.Equal([Bread, Milk, Butter], reweighted.Recommend([Tea], 3).Select(item => item.Item));
        Assert.Empty(model.Rules);
        Assert.Equal(rules.Count, ruled.Rules.Count);
        Assert.Equal(model.Weights, ruled.Weights);
    }

    [Fact]
    public void The_order_signals_come_from_the_listing_order()
    {
        var model = BundleModel.Train([[0, 1, 2], [0, 1, 2], [0, 2, 1], [3, 0]], 4, options: Small);

        var afterZero = model.Recommend([0], 10);

        Assert.Equal(2.0 / 3, afterZero.Single(item => item.Item == 1).Parts.Sequence, 12);
        Assert.Equal(1.0 / 3, afterZero.Single(item => item.Item == 2).Parts.Sequence, 12);
        Assert.Equal(0, afterZero.Single(item => item.Item == 3).Parts.Sequence);
        Assert.Equal(3.0 / 4, afterZero.Single(item => item.Item == 2).Parts.Follows, 12);
        Assert.Equal(0, afterZero.Single(item => item.Item == 3).Parts.Follows);
    }
}
