using Clientele.Banking.Offers;
using static Clientele.Banking.Tests.Offers.OfferFixtures;

namespace Clientele.Banking.Tests.Offers;

/// <summary>One hand-made client per product, each ranked within twenty typical clients.</summary>
public sealed class ProductRuleTests
{
    private static readonly (string Category, decimal PerMonth)[] Everyday =
        [("Продукты питания", 250_000m), ("Кафе и рестораны", 150_000m), ("Такси", 50_000m), ("Едим дома", 40_000m)];

    private static readonly (string Type, decimal PerMonth, int Times)[] EverydayTransfers =
        [("salary_in", 600_000m, 1), ("p2p_out", 300_000m, 20), ("card_out", 900_000m, 50), ("atm_withdrawal", 150_000m, 6), ("loan_payment_out", 150_000m, 3)];

    [Fact]
    public void Travel_card_wins_on_trips_and_taxi_and_pays_four_percent_on_them()
    {
        var offers = Rank(Client(120_000m, [("Продукты питания", 200_000m), ("Путешествия", 150_000m), ("Отели", 80_000m), ("Такси", 70_000m)], EverydayTransfers));

        var travel = offers.Offer(Products.TravelCard);
        Assert.Equal(Products.TravelCard, offers.Best.Product);
        Assert.Equal(0.04m * 300_000m, travel.BenefitKztPerMonth);
        Assert.Contains(travel.Evidence, e => e.Signal == "travel_spend" && e.AmountKzt == 900_000m && e.Count == 9);
        Assert.Contains(travel.Evidence, e => e.Signal == "travel_spend_month" && e.Month == new DateTime(2025, 8, 1) && e.AmountKzt == 300_000m);
        Assert.Contains(travel.Evidence, e => e.Signal == "travel_category" && e.Category == "Такси" && e.AmountKzt == 210_000m);
    }

    [Fact]
    public void Credit_card_wins_on_repayments_and_online_services_without_counting_an_online_top_category_twice()
    {
        var offers = Rank(Client(60_000m,
            [("Едим дома", 300_000m), ("Продукты питания", 200_000m), ("Кафе и рестораны", 100_000m), ("Кино", 50_000m), ("Такси", 20_000m)],
            [("salary_in", 500_000m, 1), ("cc_repayment_out", 200_000m, 6), ("installment_payment_out", 90_000m, 6), ("card_out", 500_000m, 30)]));

        var credit = offers.Offer(Products.CreditCard);
        Assert.Equal(Products.CreditCard, offers.Best.Product);
        Assert.Equal(0.10m * (300_000m + 200_000m + 100_000m) + 0.10m * 50_000m, credit.BenefitKztPerMonth);
        Assert.Equal(["Едим дома", "Продукты питания", "Кафе и рестораны"], credit.Evidence.Where(e => e.Signal == "top_category").Select(e => e.Category!));
        Assert.Contains(credit.Evidence, e => e.Signal == "cc_repayment_out" && e.Count == 18);
        Assert.Contains(credit.Evidence, e => e.Signal == "installment_payment_out" && e.AmountKzt == 270_000m);
    }

    [Fact]
    public void Currency_exchange_wins_on_fx_buys_and_sells()
    {
        var offers = Rank(Client(100_000m, Everyday, [.. EverydayTransfers, ("fx_buy", 720_000m, 12), ("fx_sell", 210_000m, 3)]));

        var exchange = offers.Offer(Products.CurrencyExchange);
        Assert.Equal(Products.CurrencyExchange, offers.Best.Product);
        Assert.Equal(0.005m * 930_000m, exchange.BenefitKztPerMonth);
        Assert.Contains(exchange.Evidence, e => e.Signal == "fx_buy" && e.Count == 36 && e.AmountKzt == 2_160_000m);
        Assert.Equal(Products.MultiCurrencyDeposit, offers.Offers[1].Product);
    }

    [Fact]
    public void Cash_loan_needs_heavy_loan_payments_and_a_low_balance()
    {
        (string, decimal, int)[] heavy = [("salary_in", 400_000m, 1), ("p2p_out", 300_000m, 20), ("card_out", 700_000m, 50), ("atm_withdrawal", 150_000m, 6), ("loan_payment_out", 600_000m, 6)];

        var needy = Rank(Client(20_000m, Everyday, heavy));
        var wealthy = Rank(Client(5_000_000m, Everyday, heavy));
        var typical = Rank(Typical(1));

        var loan = needy.Offer(Products.CashLoan);
        Assert.Equal(Products.CashLoan, needy.Best.Product);
        Assert.True(loan.Eligible);
        Assert.Equal(0m, loan.BenefitKztPerMonth);
        Assert.Contains(loan.Evidence, e => e.Signal == "loan_payment_out" && e.Count == 18 && e.AmountKzt == 1_800_000m);
        Assert.Contains(loan.Evidence, e => e.Signal == "loan_need");
        Assert.False(wealthy.Offer(Products.CashLoan).Eligible);
        Assert.False(typical.Offer(Products.CashLoan).Eligible);
        Assert.True(typical.Offer(Products.CashLoan).Rank > typical.Offers.Count(o => o.Eligible));
    }

    [Fact]
    public void Savings_deposit_wins_for_a_large_stable_balance_without_other_signals_with_multi_currency_next()
    {
        var offers = Rank(Client(3_000_000m, Everyday, EverydayTransfers));

        var savings = offers.Offer(Products.SavingsDeposit);
        Assert.Equal(Products.SavingsDeposit, offers.Best.Product);
        Assert.Equal(Products.MultiCurrencyDeposit, offers.Offers[1].Product);
        Assert.Equal(decimal.Truncate(3_000_000m * 0.165m / 12), savings.BenefitKztPerMonth);
        Assert.Equal(decimal.Truncate(3_000_000m * 0.145m / 12), offers.Offer(Products.MultiCurrencyDeposit).BenefitKztPerMonth);
        Assert.Contains(savings.Evidence, e => e.Signal == "balance" && e.AmountKzt == 3_000_000m);
        Assert.Equal(3, savings.Evidence.Count(e => e.Signal == "monthly_spending"));
    }

    [Fact]
    public void Multi_currency_deposit_wins_for_a_free_balance_spent_partly_in_foreign_currency()
    {
        var offers = Rank(Client(2_500_000m, Everyday, EverydayTransfers, foreign: [("Кафе и рестораны", 60_000m, "USD")]));

        Assert.Equal(Products.MultiCurrencyDeposit, offers.Best.Product);
        Assert.Contains(offers.Best.Evidence, e => e.Signal == "foreign_spend" && e.Description.Contains("USD", StringComparison.Ordinal));
    }

    [Fact]
    public void Accumulative_deposit_wins_on_regular_top_ups_and_earns_on_the_larger_of_balance_and_top_ups()
    {
        var offers = Rank(Client(80_000m, Everyday, [.. EverydayTransfers, ("deposit_topup_out", 450_000m, 6)]));

        var deposit = offers.Offer(Products.AccumulativeDeposit);
        Assert.Equal(Products.AccumulativeDeposit, offers.Best.Product);
        Assert.Equal(decimal.Truncate(450_000m * 0.155m / 12), deposit.BenefitKztPerMonth);
        Assert.Contains(deposit.Evidence, e => e.Signal == "deposit_topup_out" && e.Count == 18);
    }

    [Fact]
    public void Investments_win_on_invest_transfers_and_never_claim_a_return()
    {
        var offers = Rank(Client(1_200_000m, Everyday, [.. EverydayTransfers, ("invest_out", 300_000m, 8), ("invest_in", 60_000m, 2)]));

        var investments = offers.Offer(Products.Investments);
        Assert.Equal(Products.Investments, offers.Best.Product);
        Assert.Equal(decimal.Truncate(0.001m * 360_000m), investments.BenefitKztPerMonth);
        Assert.Contains(investments.Evidence, e => e.Signal == "invest_out" && e.Count == 24);
        Assert.Contains(investments.Evidence, e => e.Description.Contains("доходность не обещаем", StringComparison.Ordinal));
    }

    [Fact]
    public void Gold_bars_win_on_gold_transfers_without_a_money_benefit()
    {
        var offers = Rank(Client(2_000_000m, Everyday, [.. EverydayTransfers, ("gold_buy_out", 1_000_000m, 1), ("gold_sell_in", 900_000m, 1)]));

        var gold = offers.Offer(Products.GoldBars);
        Assert.Equal(Products.GoldBars, offers.Best.Product);
        Assert.Equal(0m, gold.BenefitKztPerMonth);
        Assert.Contains(gold.Evidence, e => e.Signal == "gold_buy_out" && e.AmountKzt == 3_000_000m);
        Assert.Contains(gold.Evidence, e => e.Signal == "no_money_benefit");
    }

    [Fact]
    public void Gold_bars_are_not_eligible_without_gold_jewellery_or_a_large_balance()
    {
        var offers = Rank(Client(200_000m, Everyday, EverydayTransfers));

        Assert.False(offers.Offer(Products.GoldBars).Eligible);
        Assert.True(Rank(Client(200_000m, [.. Everyday, ("Ювелирные украшения", 30_000m)], EverydayTransfers)).Offer(Products.GoldBars).Eligible);
    }
}
