using Clientele.Banking.Offers;

namespace Clientele.Banking.Tests.Offers;

/// <summary>Small hand-made clients: amounts are per month and repeated for June, July and August 2025.</summary>
internal static class OfferFixtures
{
    public static readonly OfferEngine Engine = new(new OfferSettings());

    public static ClientActivity Client(
        decimal balance,
        (string Category, decimal PerMonth)[]? spending = null,
        (string Type, decimal PerMonth, int TimesPerMonth)[]? transfers = null,
        (string Category, decimal PerMonthKzt, string Currency)[]? foreign = null,
        int code = 1,
        int months = 3)
    {
        var rows = new List<SpendingRow>();
        var moves = new List<TransferRow>();
        for (var m = 0; m < months; m++)
        {
            var day = new DateTime(2025, 6 + m, 10, 12, 0, 0);
            rows.AddRange((spending ?? []).Select(s => new SpendingRow(day, s.Category, s.PerMonth, "KZT")));
            rows.AddRange((foreign ?? []).Select(s => new SpendingRow(day, s.Category, s.PerMonthKzt, s.Currency)));
            foreach (var (type, perMonth, times) in transfers ?? [])
            {
                for (var i = 0; i < times; i++)
                {
                    moves.Add(new TransferRow(day.AddHours(i), type, Direction(type), perMonth / times));
                }
            }
        }
        return new ClientActivity(code, "Айгерим", "Зарплатный клиент", 30, "Алматы", balance, rows, moves);
    }

    /// <summary>A plain client with groceries, restaurants, a little taxi, salary, transfers and a regular loan payment.</summary>
    public static ClientActivity Typical(int code, decimal scale = 1m) => Client(
        150_000m * scale,
        [("Продукты питания", 250_000m * scale), ("Кафе и рестораны", 160_000m * scale), ("Такси", 60_000m * scale), ("Едим дома", 50_000m * scale), ("Кино", 30_000m * scale)],
        [("salary_in", 600_000m * scale, 1), ("p2p_out", 300_000m * scale, 20), ("card_out", 900_000m * scale, 50), ("atm_withdrawal", 150_000m * scale, 6), ("utilities_out", 100_000m * scale, 5), ("loan_payment_out", 150_000m * scale, 3)],
        code: code);

    /// <summary>Twenty typical clients of slightly different sizes, plus the given ones.</summary>
    public static PopulationStats Population(params ClientActivity[] extra)
    {
        var builder = new PopulationStatsBuilder();
        foreach (var activity in Enumerable.Range(100, 20).Select(i => Typical(i, 0.7m + (i - 100) * 0.03m)).Concat(extra))
        {
            builder.Add(FeatureExtractor.Describe(activity));
        }
        return builder.Build();
    }

    /// <summary>Ranks <paramref name="client"/> within the typical population.</summary>
    public static ClientOffers Rank(ClientActivity client)
    {
        var features = Engine.Describe(client);
        return Engine.Rank(features, Population(client));
    }

    public static ProductOffer Offer(this ClientOffers offers, string product) => offers.Offers.Single(o => o.Product == product);

    private static string Direction(string type) =>
        type is "salary_in" or "stipend_in" or "family_in" or "cashback_in" or "refund_in" or "card_in" or "fx_sell" or "invest_in" or "gold_sell_in"
            or "deposit_fx_withdraw_in" ? "in" : "out";
}
