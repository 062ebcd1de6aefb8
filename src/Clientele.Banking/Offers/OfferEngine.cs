namespace Clientele.Banking.Offers;

/// <summary>
/// Ranks the ten products for one client against the population. Score = the product's signal strength (0–1, relative to
/// the population; see each rule) + MoneyWeight · P(the client's benefit among all clients' benefits of that product).
/// Eligible products rank before the others; ties go to the order of <see cref="Products.All"/>.
/// </summary>
public sealed class OfferEngine(OfferSettings settings)
{
    private static readonly (string Product, Func<OfferContext, RuleOutcome> Rule)[] Rules =
    [
        (Products.TravelCard, CardRules.Travel),
        (Products.PremiumCard, CardRules.Premium),
        (Products.CreditCard, CardRules.Credit),
        (Products.CurrencyExchange, ActivityRules.Exchange),
        (Products.CashLoan, ActivityRules.CashLoan),
        (Products.MultiCurrencyDeposit, DepositRules.MultiCurrency),
        (Products.SavingsDeposit, DepositRules.Savings),
        (Products.AccumulativeDeposit, DepositRules.Accumulative),
        (Products.Investments, ActivityRules.Investments),
        (Products.GoldBars, ActivityRules.Gold),
    ];

    public OfferSettings Settings => settings;

    public ClientFeatures Describe(ClientActivity activity) => FeatureExtractor.Describe(activity);

    public ClientOffers Rank(ClientFeatures client, PopulationStats population)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(population);
        var benefits = OfferBenefits.Of(client, settings);
        var context = new OfferContext(client, OfferSignals.Of(client), benefits, population, settings);
        var judged = Rules.Select((r, order) =>
        {
            var outcome = r.Rule(context);
            var benefit = benefits.For(r.Product);
            var money = benefit > 0 ? settings.MoneyWeight * population.Percentile(OfferBenefits.SignalName(r.Product), (double)benefit) : 0;
            return (r.Product, Benefit: benefit, outcome.Eligible, Score: Math.Round(outcome.Signal + money, 6), outcome.Evidence, Order: order);
        });
        var offers = judged
            .OrderByDescending(j => j.Eligible)
            .ThenByDescending(j => j.Score)
            .ThenBy(j => j.Order)
            .Select((j, i) => new ProductOffer(j.Product, j.Benefit, j.Eligible, j.Score, i + 1, j.Evidence))
            .ToList();
        return new ClientOffers(client.ClientCode, offers);
    }
}
