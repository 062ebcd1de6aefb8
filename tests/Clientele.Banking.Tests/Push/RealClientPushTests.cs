using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
using Xunit.Abstractions;

namespace Clientele.Banking.Tests.Push;

/// <summary>The acceptance test: for all 60 clients of the case, every product's push passes every E-rule.</summary>
public sealed class RealClientPushTests(RealCaseData data, ITestOutputHelper output) : IClassFixture<RealCaseData>
{
    private readonly PushComposer composer = new(new PushSettings());

    [SkippableFact]
    public void Every_product_for_every_client_passes_every_error_rule()
    {
        data.SkipIfAbsent();
        var clients = Features();
        var failures = new List<string>();
        var warnings = new Dictionary<string, int>();

        foreach (var client in clients)
        {
            foreach (var product in Products.All)
            {
                var offer = OfferFor(client, product);
                var text = composer.Compose(client, offer);
                var findings = PushChecker.Check(text, client, offer);
                failures.AddRange(findings.Where(f => f.Severity == PushSeverity.Error).Select(f => $"client {client.ClientCode}, {product}: {f.Rule} {f.Message} | {text}"));
                foreach (var warning in findings.Where(f => f.Severity == PushSeverity.Warning))
                {
                    warnings[warning.Rule] = warnings.GetValueOrDefault(warning.Rule) + 1;
                }
                Assert.Equal(text, composer.Compose(client, offer));
            }
        }

        output.WriteLine($"{clients.Count} clients × {Products.All.Count} products; warnings by rule: {string.Join(", ", warnings.OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value}"))}");
        foreach (var (client, product) in new[] { (1, Products.CreditCard), (3, Products.CurrencyExchange), (15, Products.TravelCard), (2, Products.PremiumCard), (45, Products.SavingsDeposit), (7, Products.Investments) })
        {
            var features = clients.Single(c => c.ClientCode == client);
            output.WriteLine(composer.Compose(features, OfferFor(features, product)));
        }
        Assert.Equal(60, clients.Count);
        Assert.Empty(failures);
        Assert.DoesNotContain(warnings.Keys, rule => rule is not ("P01" or "P11"));
    }

    [SkippableFact]
    public void The_engines_top_4_for_every_client_pass_every_error_rule()
    {
        data.SkipIfAbsent();
        var clients = Features();
        var engine = new OfferEngine(new OfferSettings());
        var population = new PopulationStatsBuilder();
        foreach (var client in clients)
        {
            population.Add(client);
        }
        var stats = population.Build();
        IReadOnlyList<(ClientFeatures Client, ProductOffer Offer)> offers = [.. clients.SelectMany(c => engine.Rank(c, stats).Top(4).Select(o => (c, o)))];
        var failures = new List<string>();

        foreach (var (client, offer) in offers)
        {
            var text = composer.Compose(client, offer);
            var errors = PushChecker.Check(text, client, offer).Where(f => f.Severity == PushSeverity.Error);
            failures.AddRange(errors.Select(f => $"client {client.ClientCode}, {offer.Product} (rank {offer.Rank}, eligible {offer.Eligible}): {f.Rule} {f.Message} | {text}"));
        }

        foreach (var (client, offer) in offers.Where(o => o.Offer.Rank == 1).Take(8))
        {
            output.WriteLine($"{client.ClientCode} {offer.Product}: {composer.Compose(client, offer)}");
        }
        Assert.Equal(240, offers.Count);
        Assert.Empty(failures);
    }

    private List<ClientFeatures> Features()
    {
        var parsed = data.Parsed;
        var spending = parsed.Transactions.ToLookup(t => t.ClientCode);
        var transfers = parsed.Transfers.ToLookup(t => t.ClientCode);
        return
        [
            .. parsed.Clients.OrderBy(c => c.ClientCode).Select(c => FeatureExtractor.Describe(new ClientActivity(
                c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt,
                [.. spending[c.ClientCode].Select(t => new SpendingRow(t.OccurredAt, t.Category, t.AmountKzt, t.Currency))],
                [.. transfers[c.ClientCode].Select(t => new TransferRow(t.OccurredAt, t.Type, t.Direction, t.AmountKzt))]))),
        ];
    }

    /// <summary>A plausible offer with the case's suggested benefit formulas, standing in for the engine.</summary>
    private static ProductOffer OfferFor(ClientFeatures c, string product)
    {
        var months = c.MonthsCovered;
        var balance = c.AvgMonthlyBalanceKzt;
        var top3 = c.TopCategories(3).Select(t => t.Key).ToList();
        var online = ProductSignalsForTest.Online.Where(o => !top3.Contains(o)).ToArray();
        var (benefit, evidence) = product switch
        {
            Products.TravelCard => (0.04m * (c.Spent("Путешествия", "Отели", "Такси") + c.ForeignCurrencySpendingKzt) / months,
                new Evidence("travel_spend", "Такси, путешествия и отели", c.Spent("Путешествия", "Отели", "Такси"), c.Count("Путешествия", "Отели", "Такси"))),
            Products.PremiumCard => (Math.Min(100_000m, ((balance >= 1_000_000m ? 0.03m : 0.02m) * (c.SpendingTotalKzt - c.Spent("Кафе и рестораны", "Косметика и Парфюмерия", "Ювелирные украшения")) + 0.04m * c.Spent("Кафе и рестораны", "Косметика и Парфюмерия", "Ювелирные украшения")) / months) + 250m * c.TransferCount("atm_withdrawal") / months,
                new Evidence("balance", "Средний остаток", balance)),
            Products.CreditCard => (0.10m * (c.Spent([.. top3]) + c.Spent(online)) / months, new Evidence("top_categories", "Топ-3 категории", c.Spent([.. top3]), Category: top3.FirstOrDefault())),
            Products.CurrencyExchange => (0.005m * (c.Transferred("fx_buy", "fx_sell") + c.ForeignCurrencySpendingKzt) / months, new Evidence("fx", "Обмен валюты", c.Transferred("fx_buy", "fx_sell"), c.TransferCount("fx_buy", "fx_sell"))),
            Products.CashLoan => (0m, new Evidence("loan_payments", "Платежи по кредитам", c.Transferred("loan_payment_out"), c.TransferCount("loan_payment_out"))),
            Products.MultiCurrencyDeposit => (balance * 0.145m / 12, new Evidence("balance", "Средний остаток", balance)),
            Products.SavingsDeposit => (balance * 0.165m / 12, new Evidence("balance", "Средний остаток", balance)),
            Products.AccumulativeDeposit => (balance * 0.155m / 12, new Evidence("balance", "Средний остаток", balance)),
            Products.Investments => (0.001m * c.Transferred("invest_out") / months, new Evidence("invest", "Переводы на инвестиции", c.Transferred("invest_out"), c.TransferCount("invest_out"))),
            _ => (0m, new Evidence("balance", "Средний остаток", balance)),
        };
        var eligible = product != Products.CashLoan || c.TransferCount("loan_payment_out") > 0 || c.OutflowKzt > 2 * c.InflowKzt;
        return new ProductOffer(product, Math.Round(benefit, 2), eligible, (double)benefit, 1, [evidence]);
    }

    private static class ProductSignalsForTest
    {
        public static readonly string[] Online = ["Едим дома", "Смотрим дома", "Играем дома", "Кино"];
    }
}
