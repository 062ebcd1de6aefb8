using Clientele.Banking.Offers;

namespace Clientele.Banking.Tests.Push;

/// <summary>Small hand-made clients and offers for the composer and checker tests.</summary>
internal static class PushSamples
{
    /// <summary>Top categories 645 267,06 / 518 757,59 / 275 433,72 like the seed's client 1, plus taxi, cinema and a few transfers.</summary>
    public static ClientFeatures Aigerim(int age = 29, string status = "Зарплатный клиент", decimal balance = 92_643m) =>
        FeatureExtractor.Describe(new ClientActivity(1, "Айгерим", status, age, "Алматы", balance,
            [
                Spend(6, "Продукты питания", 200_000m), Spend(7, "Продукты питания", 245_267.06m), Spend(8, "Продукты питания", 200_000m),
                Spend(7, "Кафе и рестораны", 518_757.59m),
                Spend(8, "Путешествия", 275_433.72m),
                Spend(6, "Такси", 5_000m), Spend(7, "Такси", 6_000m), Spend(8, "Такси", 7_000.50m),
                Spend(8, "Кино", 12_000m),
            ],
            [
                Move(6, "salary_in", "in", 650_000m), Move(7, "salary_in", "in", 650_000m), Move(8, "salary_in", "in", 650_000m),
                Move(7, "fx_buy", "out", 100_000m),
                Move(6, "loan_payment_out", "out", 50_000m), Move(7, "loan_payment_out", "out", 50_000m),
                Move(6, "atm_withdrawal", "out", 20_000m), Move(7, "atm_withdrawal", "out", 20_000m), Move(8, "atm_withdrawal", "out", 20_000m),
                Move(8, "invest_out", "out", 30_000m),
            ]));

    /// <summary>10% of the top-3 categories and cinema over 3 months, per month: 48 381,95 ₸.</summary>
    public const decimal CreditBenefit = 48_381.95m;

    public static ProductOffer Offer(string product, decimal benefit = 0m, bool eligible = true, params Evidence[] evidence) =>
        new(product, benefit, eligible, 1.0, 1, evidence);

    public static ProductOffer Credit() => Offer(Products.CreditCard, CreditBenefit,
        evidence: new Evidence("top_categories", "Топ-3 категории за 3 месяца", 1_439_458.37m, Category: "Продукты питания"));

    /// <summary>A text that passes every rule for <see cref="Aigerim"/> and <see cref="Credit"/>.</summary>
    public const string GoodCredit =
        "Айгерим, ваши топ-категории — «Продукты питания», «Кафе и рестораны» и «Путешествия». Кредитная карта даёт до 10% кешбэка в любимых категориях. С ней вы бы получали примерно 48 381 ₸ в месяц. Оформить карту.";

    private static SpendingRow Spend(int month, string category, decimal amount) => new(new DateTime(2025, month, 10, 12, 0, 0), category, amount, "KZT");

    private static TransferRow Move(int month, string type, string direction, decimal amount) => new(new DateTime(2025, month, 12, 9, 0, 0), type, direction, amount);
}
