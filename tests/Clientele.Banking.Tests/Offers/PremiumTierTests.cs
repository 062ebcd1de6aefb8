using Clientele.Banking.Offers;
using static Clientele.Banking.Tests.Offers.OfferFixtures;

namespace Clientele.Banking.Tests.Offers;

public sealed class PremiumTierTests
{
    [Theory]
    [InlineData("999999.99", "0.02")]
    [InlineData("1000000", "0.03")]
    [InlineData("5999999.99", "0.03")]
    [InlineData("6000000", "0.04")]
    [InlineData("0", "0.02")]
    public void Tier_boundaries_are_inclusive_from_below(string balance, string rate) =>
        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture),
            OfferBenefits.TierRate(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture), new OfferSettings()));

    [Theory]
    [InlineData("999999", "20000")]
    [InlineData("1000000", "30000")]
    [InlineData("6000000", "40000")]
    public void Premium_cashback_follows_the_balance_tier(string balance, string cashback)
    {
        var offers = Rank(Client(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture), [("Продукты питания", 1_000_000m)]));

        Assert.Equal(decimal.Parse(cashback, System.Globalization.CultureInfo.InvariantCulture), offers.Offer(Products.PremiumCard).BenefitKztPerMonth);
    }

    [Fact]
    public void Boosted_categories_earn_four_percent_in_the_lowest_tier()
    {
        var offers = Rank(Client(100_000m, [("Кафе и рестораны", 100_000m), ("Косметика и Парфюмерия", 50_000m), ("Продукты питания", 100_000m)]));

        Assert.Equal(0.04m * 150_000m + 0.02m * 100_000m, offers.Offer(Products.PremiumCard).BenefitKztPerMonth);
    }

    [Fact]
    public void Cashback_is_capped_at_100_000_a_month_and_saved_fees_come_on_top()
    {
        var offers = Rank(Client(2_000_000m, [("Продукты питания", 4_000_000m)], [("atm_withdrawal", 300_000m, 6), ("p2p_out", 100_000m, 10)]));

        var premium = offers.Offer(Products.PremiumCard);

        Assert.Equal(100_000m + 6 * 250m + 10 * 100m, premium.BenefitKztPerMonth);
        Assert.Contains(premium.Evidence, e => e.Signal == "premium_cashback_cap" && e.AmountKzt == 100_000m);
        Assert.Contains(premium.Evidence, e => e.Signal == "atm_withdrawal" && e.Count == 18 && e.AmountKzt == 900_000m);
    }

    [Fact]
    public void Withdrawals_beyond_the_free_limit_save_no_fee()
    {
        var benefits = OfferBenefits.Of(Engine.Describe(Client(0m, transfers: [("atm_withdrawal", 6_000_000m, 10)])), new OfferSettings());

        Assert.Equal(10 * 250m / 2, benefits.PremiumSavedFees);
    }

    [Fact]
    public void A_high_balance_with_cosmetics_and_frequent_cash_withdrawals_ranks_the_premium_card_first()
    {
        var offers = Rank(Client(3_000_000m,
            [("Продукты питания", 250_000m), ("Кафе и рестораны", 200_000m), ("Косметика и Парфюмерия", 150_000m), ("Ювелирные украшения", 40_000m)],
            [("salary_in", 1_500_000m, 1), ("atm_withdrawal", 400_000m, 10), ("card_out", 900_000m, 50), ("loan_payment_out", 150_000m, 3)]));

        Assert.Equal(Products.PremiumCard, offers.Best.Product);
        Assert.Contains(offers.Best.Evidence, e => e.Signal == "premium_boosted_category" && e.Category == "Косметика и Парфюмерия" && e.AmountKzt == 450_000m);
    }
}
