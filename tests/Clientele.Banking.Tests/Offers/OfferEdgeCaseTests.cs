using Clientele.Banking.Offers;
using static Clientele.Banking.Tests.Offers.OfferFixtures;

namespace Clientele.Banking.Tests.Offers;

public sealed class OfferEdgeCaseTests
{
    private static readonly string[] NeedSpending = [Products.TravelCard, Products.PremiumCard, Products.CreditCard, Products.CurrencyExchange];

    [Fact]
    public void A_client_with_no_activity_at_all_gets_ten_offers_none_eligible_and_no_money()
    {
        var offers = Rank(Client(0m));

        Assert.Equal(10, offers.Offers.Select(o => o.Product).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 10), offers.Offers.Select(o => o.Rank));
        Assert.All(offers.Offers, o => Assert.Equal(0m, o.BenefitKztPerMonth));
        Assert.All(offers.Offers, o => Assert.False(o.Eligible, o.Product));
        Assert.All(offers.Offers, o => Assert.DoesNotContain(o.Evidence, e => e.Signal == "benefit_per_month"));
    }

    [Fact]
    public void No_spending_but_a_balance_makes_only_balance_products_eligible()
    {
        var offers = Rank(Client(500_000m));

        Assert.All(NeedSpending, p => Assert.False(offers.Offer(p).Eligible, p));
        Assert.All(NeedSpending, p => Assert.Equal(0m, offers.Offer(p).BenefitKztPerMonth));
        Assert.False(offers.Offer(Products.CashLoan).Eligible);
        Assert.True(offers.Offer(Products.SavingsDeposit).Eligible);
        Assert.Equal(6_875m, offers.Offer(Products.SavingsDeposit).BenefitKztPerMonth);
        Assert.Equal(Products.SavingsDeposit, offers.Best.Product);
        Assert.All(offers.Offers.Take(offers.Offers.Count(o => o.Eligible)), o => Assert.True(o.Eligible));
    }

    [Fact]
    public void Only_foreign_currency_spending_counts_once_for_travel_and_exchange()
    {
        var offers = Rank(Client(80_000m, foreign: [("Отели", 120_000m, "EUR"), ("Кафе и рестораны", 80_000m, "EUR")]));

        var travel = offers.Offer(Products.TravelCard);
        Assert.True(travel.Eligible);
        Assert.Equal(8_000m, travel.BenefitKztPerMonth);
        Assert.Contains(travel.Evidence, e => e.Signal == "foreign_spend" && e.AmountKzt == 600_000m && e.Description.Contains("EUR", StringComparison.Ordinal));
        var exchange = offers.Offer(Products.CurrencyExchange);
        Assert.True(exchange.Eligible);
        Assert.Equal(1_000m, exchange.BenefitKztPerMonth);
        Assert.Contains(offers.Best.Product, new[] { Products.TravelCard, Products.CurrencyExchange, Products.MultiCurrencyDeposit });
    }

    [Fact]
    public void A_zero_benefit_never_appears_as_a_money_claim_and_a_positive_one_is_quoted_exactly()
    {
        var offers = Rank(Typical(1));

        Assert.All(offers.Offers, o =>
        {
            var claims = o.Evidence.Where(e => e.Signal == "benefit_per_month").ToList();
            if (o.BenefitKztPerMonth == 0)
            {
                Assert.Empty(claims);
                Assert.Contains(o.Evidence, e => e.Signal == "no_money_benefit" && e.AmountKzt is null);
            }
            else
            {
                Assert.Equal(o.BenefitKztPerMonth, Assert.Single(claims).AmountKzt);
            }
        });
        Assert.Equal(0m, offers.Offer(Products.CashLoan).BenefitKztPerMonth);
        Assert.Equal(0m, offers.Offer(Products.GoldBars).BenefitKztPerMonth);
    }

    [Fact]
    public void Ranking_is_deterministic_and_distinct_with_eligible_products_first()
    {
        var client = Client(2_000_000m, [("Такси", 90_000m), ("Продукты питания", 200_000m)], [("fx_buy", 100_000m, 2), ("salary_in", 700_000m, 1)]);

        var first = Rank(client);
        var second = Rank(client);

        Assert.Equal(first.Offers.Select(o => (o.Product, o.Rank, o.Score, o.BenefitKztPerMonth, o.Eligible)), second.Offers.Select(o => (o.Product, o.Rank, o.Score, o.BenefitKztPerMonth, o.Eligible)));
        Assert.Equal(10, first.Offers.Select(o => o.Product).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 10), first.Offers.Select(o => o.Rank));
        var eligible = first.Offers.Count(o => o.Eligible);
        Assert.All(first.Offers.Take(eligible), o => Assert.True(o.Eligible));
        Assert.All(first.Offers.Skip(eligible), o => Assert.False(o.Eligible));
        Assert.Equal(first.Offers.Take(eligible).OrderByDescending(o => o.Score).Select(o => o.Product), first.Offers.Take(eligible).Select(o => o.Product));
    }

    [Fact]
    public void The_client_code_and_name_do_not_change_the_ranking()
    {
        var a = Client(300_000m, [("Такси", 90_000m), ("Отели", 50_000m)], code: 1);
        var b = a with { ClientCode = 987, Name = "Другое имя" };

        Assert.Equal(Rank(a).Offers.Select(o => (o.Product, o.Score)), Rank(b).Offers.Select(o => (o.Product, o.Score)));
    }

    [Fact]
    public void Ranking_against_an_empty_population_still_works()
    {
        var features = Engine.Describe(Typical(1));

        var offers = Engine.Rank(features, new PopulationStatsBuilder().Build());

        Assert.Equal(Enumerable.Range(1, 10), offers.Offers.Select(o => o.Rank));
    }
}
