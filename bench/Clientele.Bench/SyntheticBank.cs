namespace Clientele.Bench;

/// <summary>A deterministic synthetic client base shaped like the case: 300 card payments and 300 transfers per client over June–August 2025.</summary>
public static class SyntheticBank
{
    public static readonly string[] Categories =
    [
        "Кафе и рестораны", "Продукты питания", "Такси", "Едим дома", "Смотрим дома", "Играем дома", "Кино", "АЗС",
        "Косметика и Парфюмерия", "Отели", "Путешествия", "Спорт", "Подарки", "Развлечения", "Ремонт дома", "Мебель", "Одежда и обувь",
    ];

    public static readonly (string Type, string Direction)[] TransferTypes =
    [
        ("card_out", "out"), ("p2p_out", "out"), ("atm_withdrawal", "out"), ("card_in", "in"), ("utilities_out", "out"),
        ("loan_payment_out", "out"), ("cashback_in", "in"), ("refund_in", "in"), ("fx_buy", "out"), ("salary_in", "in"),
        ("invest_out", "out"), ("deposit_topup_out", "out"), ("cc_repayment_out", "out"), ("fx_sell", "in"), ("invest_in", "in"),
        ("gold_buy_out", "out"), ("family_in", "in"), ("stipend_in", "in"),
    ];

    public static readonly string[] Names = ["Айгерим", "Данияр", "Сабина", "Нурлан", "Жанна", "Алия", "Ержан", "Дильноза", "Тимур", "Асель"];
    public static readonly string[] Cities = ["Алматы", "Астана", "Шымкент", "Караганда", "Ташкент"];
    public static readonly string[] Statuses = ["Студент", "Зарплатный клиент", "Премиальный клиент", "Стандартный клиент"];

    private static readonly DateTime Start = new(2025, 6, 1);

    public sealed record Client(int Code, string Name, string Status, int Age, string City, decimal Balance);

    public sealed record Payment(int Code, DateTime At, string Category, decimal Amount, string Currency, decimal AmountKzt);

    public sealed record Move(int Code, DateTime At, string Type, string Direction, decimal AmountKzt);

    public static Client ClientOf(int code)
    {
        var random = new Random(code);
        return new Client(code, Names[random.Next(Names.Length)], Statuses[random.Next(Statuses.Length)], 18 + random.Next(55),
            Cities[random.Next(Cities.Length)], Math.Round((decimal)(random.NextDouble() * random.NextDouble() * 3_000_000), 2));
    }

    public static IEnumerable<Payment> PaymentsOf(int code, int count)
    {
        var random = new Random(code * 7919 + 1);
        var favourite = random.Next(Categories.Length);
        for (var i = 0; i < count; i++)
        {
            var category = Categories[random.NextDouble() < 0.3 ? favourite : Math.Min(random.Next(Categories.Length), random.Next(Categories.Length))];
            var amount = Math.Round((decimal)(500 + random.NextDouble() * 40_000), 2);
            var euro = random.NextDouble() < 0.01;
            yield return new Payment(code, Start.AddMinutes(random.Next(92 * 24 * 60)), category, euro ? Math.Round(amount / 510m, 2) : amount, euro ? "EUR" : "KZT", amount);
        }
    }

    public static IEnumerable<Move> MovesOf(int code, int count)
    {
        var random = new Random(code * 104_729 + 3);
        for (var i = 0; i < count; i++)
        {
            var (type, direction) = TransferTypes[Math.Min(random.Next(TransferTypes.Length), random.Next(TransferTypes.Length))];
            yield return new Move(code, Start.AddMinutes(random.Next(92 * 24 * 60)), type, direction, Math.Round((decimal)(1_000 + random.NextDouble() * 200_000), 2));
        }
    }
}
