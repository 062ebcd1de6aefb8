using Clientele.Banking.Data.Import;
using Clientele.Banking.Offers;
using Xunit.Abstractions;

namespace Clientele.Banking.Tests.Offers;

/// <summary>The engine on the organisers' 60 clients, read in place, and on a perturbed copy made in memory.</summary>
public sealed class RealCaseOfferTests(RealCaseData data, ITestOutputHelper output) : IClassFixture<RealCaseData>
{
    private static readonly OfferEngine Engine = new(new OfferSettings());

    [SkippableFact]
    public void The_best_products_spread_over_the_catalogue()
    {
        data.SkipIfAbsent();
        var ranked = RankAll(Activities(data.Parsed));

        var best = ranked.GroupBy(r => r.Value.Best.Product).ToDictionary(g => g.Key, g => g.Count());
        foreach (var product in Products.All)
        {
            output.WriteLine($"{product}: {best.GetValueOrDefault(product)}");
        }
        foreach (var (code, offers) in ranked.OrderBy(r => r.Key))
        {
            output.WriteLine($"{code}: {string.Join(" | ", offers.Top(4).Select(o => $"{o.Product} {o.Score:0.00} {o.BenefitKztPerMonth} ₸/мес"))}");
        }
        Assert.True(best.Count >= 8, $"only {best.Count} products are someone's best");
        Assert.All(best, b => Assert.True(b.Value <= 15, $"{b.Key} is best for {b.Value} clients"));
    }

    [SkippableFact]
    public void Every_client_gets_ten_distinct_products_ranked_one_to_ten_with_no_negative_benefit()
    {
        data.SkipIfAbsent();
        var ranked = RankAll(Activities(data.Parsed));

        Assert.Equal(60, ranked.Count);
        Assert.All(ranked.Values, offers =>
        {
            Assert.Equal(Products.All.Order(StringComparer.Ordinal), offers.Offers.Select(o => o.Product).Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(1, 10), offers.Offers.Select(o => o.Rank));
            Assert.All(offers.Offers, o => Assert.True(o.BenefitKztPerMonth >= 0));
            Assert.True(offers.Best.Eligible);
        });
    }

    [SkippableFact]
    public void Client_1s_credit_card_benefit_is_the_seeds_top_three_per_month()
    {
        data.SkipIfAbsent();
        var ranked = RankAll(Activities(data.Parsed));

        var credit = ranked[1].Offer(Products.CreditCard);

        // 10 % of 645 267.06 + 518 757.59 + 275 433.72 over three months, plus 10 % of the online categories outside the top 3.
        var online = Activities(data.Parsed).Single(a => a.ClientCode == 1).Spending
            .Where(s => s.Category is "Едим дома" or "Смотрим дома" or "Играем дома" or "Кино").Sum(s => s.AmountKzt);
        Assert.Equal(decimal.Truncate((0.10m * (645_267.06m + 518_757.59m + 275_433.72m) + 0.10m * online) / 3), credit.BenefitKztPerMonth);
        Assert.Equal(["Продукты питания", "Кафе и рестораны", "Путешествия"], credit.Evidence.Where(e => e.Signal == "top_category").Select(e => e.Category!));
    }

    [SkippableFact]
    public void The_best_product_survives_scaling_shuffling_and_renaming()
    {
        data.SkipIfAbsent();
        var original = Activities(data.Parsed);
        var baseline = RankAll(original).ToDictionary(r => r.Key, r => r.Value.Best.Product);

        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            var perturbed = original
                .Select(a => (Original: a.ClientCode, Activity: Scale(a, 0.8m + (decimal)random.NextDouble() * 0.4m, 1000 + a.ClientCode * 7, $"Клиент {random.Next(10_000)}")))
                .OrderBy(_ => random.Next())
                .ToList();
            var ranked = RankAll(perturbed.Select(p => p.Activity).ToList());
            var same = perturbed.Count(p => ranked[p.Activity.ClientCode].Best.Product == baseline[p.Original]);

            output.WriteLine($"seed {seed}: {same} of 60 keep their best product");
            Assert.True(same >= 54, $"seed {seed}: only {same} of 60 clients keep their best product");
        }
    }

    private static Dictionary<int, ClientOffers> RankAll(IReadOnlyList<ClientActivity> activities)
    {
        var features = activities.Select(Engine.Describe).ToList();
        var builder = new PopulationStatsBuilder();
        features.ForEach(builder.Add);
        var population = builder.Build();
        return features.ToDictionary(f => f.ClientCode, f => Engine.Rank(f, population));
    }

    internal static List<ClientActivity> Activities(ParsedBankCase parsed)
    {
        var spending = parsed.Transactions.ToLookup(t => t.ClientCode);
        var transfers = parsed.Transfers.ToLookup(t => t.ClientCode);
        return parsed.Clients.Select(c => new ClientActivity(
                c.ClientCode, c.Name, c.Status, c.Age, c.City, c.AvgMonthlyBalanceKzt,
                spending[c.ClientCode].Select(t => new SpendingRow(t.OccurredAt, t.Category, t.AmountKzt, t.Currency)).ToList(),
                transfers[c.ClientCode].Select(t => new TransferRow(t.OccurredAt, t.Type, t.Direction, t.AmountKzt)).ToList()))
            .ToList();
    }

    private static ClientActivity Scale(ClientActivity a, decimal factor, int code, string name) => a with
    {
        ClientCode = code,
        Name = name,
        AvgMonthlyBalanceKzt = Math.Round(a.AvgMonthlyBalanceKzt * factor, 2),
        Spending = a.Spending.Select(s => s with { AmountKzt = Math.Round(s.AmountKzt * factor, 2) }).ToList(),
        Transfers = a.Transfers.Select(t => t with { AmountKzt = Math.Round(t.AmountKzt * factor, 2) }).ToList(),
    };
}
