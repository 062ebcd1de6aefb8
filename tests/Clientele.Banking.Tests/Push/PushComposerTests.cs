using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;

namespace Clientele.Banking.Tests.Push;

public sealed class PushComposerTests
{
    private readonly PushComposer composer = new(new PushSettings());

    [Fact]
    public void The_credit_card_push_follows_the_seed_structure()
    {
        var text = composer.Compose(PushSamples.Aigerim(), PushSamples.Credit());

        Assert.Equal("Айгерим, ваши топ-категории — «Продукты питания», «Кафе и рестораны» и «Путешествия». Кредитная карта даёт до 10% кешбэка в любимых категориях. С ней вы бы получали примерно 48 381 ₸ в месяц. Оформить карту.", text);
        Assert.InRange(text.Length, 180, 220);
        Assert.Empty(PushChecker.Check(text, PushSamples.Aigerim(), PushSamples.Credit()));
    }

    [Fact]
    public void P23_the_same_inputs_give_the_same_text()
    {
        foreach (var product in Products.All)
        {
            var offer = PushSamples.Offer(product, 12_345.67m);
            var first = new PushComposer(new PushSettings()).Compose(PushSamples.Aigerim(), offer);
            var second = new PushComposer(new PushSettings()).Compose(PushSamples.Aigerim(), offer);

            Assert.Equal(first, second);
        }
    }

    [Theory]
    [MemberData(nameof(EveryProduct))]
    public void Every_product_passes_every_rule_for_a_hand_made_client(string product)
    {
        var client = PushSamples.Aigerim();
        var offer = PushSamples.Offer(product, product is Products.CashLoan or Products.GoldBars ? 0m : 12_345.67m);

        var text = composer.Compose(client, offer);
        var findings = PushChecker.Check(text, client, offer);

        Assert.DoesNotContain(findings, f => f.Severity == PushSeverity.Error);
        Assert.DoesNotContain(findings, f => f.Rule != "P11" || product != Products.GoldBars);
    }

    [Theory]
    [MemberData(nameof(EveryProduct))]
    public void A_zero_benefit_is_said_as_a_rate_never_as_0_tenge(string product)
    {
        var client = PushSamples.Aigerim();
        var offer = PushSamples.Offer(product, 0.4m);

        var text = composer.Compose(client, offer);

        Assert.DoesNotMatch(@"(?<![\d \u00A0])0[ \u00A0]?₸", text);
        Assert.DoesNotContain(PushChecker.Check(text, client, offer), f => f.Severity == PushSeverity.Error);
    }

    [Fact]
    public void The_benefit_is_whole_tenge_and_never_rounded_up()
    {
        var text = composer.Compose(PushSamples.Aigerim(), PushSamples.Offer(Products.SavingsDeposit, 1_273.84m));

        Assert.Contains("примерно 1 273 ₸ в месяц", text, StringComparison.Ordinal);
        Assert.Contains("16,5%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_month_is_said_in_the_prepositional_case()
    {
        var client = PushSamples.Aigerim() with { SpendingByCategory = new Dictionary<string, decimal> { ["Такси"] = 18_000.50m }, CountByCategory = new Dictionary<string, int>() };

        var text = composer.Compose(client, PushSamples.Offer(Products.TravelCard, 240m));

        Assert.StartsWith("Айгерим, в августе вы потратили на такси 7 000 ₸.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Taxi_rides_are_counted_with_the_right_plural()
    {
        var text = composer.Compose(PushSamples.Aigerim(), PushSamples.Offer(Products.TravelCard, 3_917.34m));

        Assert.Contains("за 3 месяца у вас 3 поездки на такси на 18 000 ₸", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_group_separator_is_configurable()
    {
        var text = new PushComposer(new PushSettings { GroupSeparator = '\u00A0' }).Compose(PushSamples.Aigerim(), PushSamples.Credit());

        Assert.Contains("48\u00A0381\u00A0₸", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PushChecker.Check(text, PushSamples.Aigerim(), PushSamples.Credit()), f => f.Severity == PushSeverity.Error);
    }

    [Fact]
    public void Young_clients_get_a_livelier_sentence_without_slang()
    {
        var young = PushSamples.Aigerim(age: 21, status: "Студент");
        var offer = PushSamples.Offer(Products.AccumulativeDeposit, 1_196.63m);

        var text = composer.Compose(young, offer);
        var calm = composer.Compose(PushSamples.Aigerim(), offer);

        Assert.Contains("!", text, StringComparison.Ordinal);
        Assert.DoesNotContain("!", calm, StringComparison.Ordinal);
        Assert.DoesNotContain(PushChecker.Check(text, young, offer), f => f.Rule is "P06" or "P21");
    }

    [Fact]
    public void A_premium_card_quotes_the_cashback_tier_of_the_balance()
    {
        var rich = PushSamples.Aigerim(balance: 2_500_000m);

        Assert.Contains("3% кешбэка", composer.Compose(rich, PushSamples.Offer(Products.PremiumCard)), StringComparison.Ordinal);
        Assert.Contains("2% кешбэка", composer.Compose(PushSamples.Aigerim(), PushSamples.Offer(Products.PremiumCard)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_product_is_refused()
    {
        Assert.Throws<ArgumentException>(() => composer.Compose(PushSamples.Aigerim(), PushSamples.Offer("Ипотека")));
    }

    public static TheoryData<string> EveryProduct() => [.. Products.All];
}
