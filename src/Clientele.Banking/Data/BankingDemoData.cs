using Clientele.Banking.Domain;
using Clientele.Banking.Population;
using Clientele.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Banking.Data;

/// <summary>Sixty synthetic clients with card payments and transfers for June–August 2025; the same data on every run.</summary>
public sealed class BankingDemoData : IDemoData
{
    private const int Seed = 20250601;
    private const int ClientCount = 60;
    private const int Year = 2025;
    private static readonly int[] Months = [6, 7, 8];

    private static readonly string[] Names =
    [
        "Айгерим", "Данияр", "Нурлан", "Жанна", "Алия", "Ержан", "Дильноза", "Тимур", "Асель", "Бекзат", "Шахноза", "Рустам",
        "Мадина", "Арман", "Гульнара", "Санжар", "Камила", "Азамат", "Динара", "Ильяс", "Малика", "Жасур", "Томирис", "Ерлан",
        "Зарина", "Айдос", "Нигора", "Бахтияр", "Сауле", "Нодир", "Адина", "Дархан", "Лола", "Олжас", "Гульмира", "Шерзод",
    ];

    private static readonly (string City, int Weight)[] Cities =
    [
        ("Алматы", 30), ("Астана", 22), ("Шымкент", 9), ("Караганда", 7), ("Павлодар", 5), ("Усть-Каменогорск", 5),
        ("Кызылорда", 4), ("Тараз", 4), ("Костанай", 4), ("Актобе", 5), ("Атырау", 5),
    ];

    private static readonly (string Status, int Weight)[] Statuses =
        [(ClientStatus.Salary, 45), (ClientStatus.Premium, 25), (ClientStatus.Standard, 22), (ClientStatus.Student, 8)];

    // Weights are rough purchases per 1 000, so a flight or a sofa stays rare next to groceries.
    private sealed record Category(string Name, int Min, int Max, int Weight);

    private static readonly Category[] Categories =
    [
        new("Кафе и рестораны", 2_000, 25_000, 100), new("Продукты питания", 3_000, 40_000, 160), new("Такси", 1_000, 8_000, 60),
        new("Едим дома", 3_000, 15_000, 40), new("Смотрим дома", 1_500, 6_000, 20), new("Играем дома", 1_000, 20_000, 15),
        new("Кино", 2_000, 10_000, 20), new("АЗС", 5_000, 30_000, 40), new("Косметика и Парфюмерия", 3_000, 60_000, 25),
        new("Отели", 30_000, 400_000, 3), new("Путешествия", 30_000, 400_000, 3), new("Спорт", 5_000, 40_000, 20),
        new("Подарки", 5_000, 60_000, 10), new("Развлечения", 3_000, 30_000, 25), new("Ремонт дома", 10_000, 200_000, 5),
        new("Мебель", 30_000, 400_000, 3), new("Одежда и обувь", 8_000, 120_000, 30), new("Ювелирные украшения", 30_000, 500_000, 3),
        new("Авто", 10_000, 250_000, 5), new("Медицина", 3_000, 80_000, 20), new("Питомцы", 2_000, 30_000, 10),
        new("Книги", 2_000, 15_000, 8), new("Цветы", 5_000, 30_000, 8), new("Спа и массаж", 10_000, 50_000, 8),
    ];

    private sealed record Personality(bool Traveller, params (string Category, int Extra)[] Favourites);

    private static readonly Personality[] Personalities =
    [
        new(true, ("Такси", 200), ("Путешествия", 25), ("Отели", 25)), new(false, ("Кафе и рестораны", 250), ("Кино", 40), ("Развлечения", 40)),
        new(false, ("Едим дома", 200), ("Смотрим дома", 100), ("Играем дома", 100)), new(false, ("АЗС", 180), ("Авто", 30)),
        new(false, ("Косметика и Парфюмерия", 150), ("Ювелирные украшения", 15), ("Спа и массаж", 60)),
        new(false, ("Продукты питания", 150), ("Мебель", 12), ("Ремонт дома", 25), ("Питомцы", 60)),
        new(false, ("Спорт", 150), ("Медицина", 60), ("Одежда и обувь", 60)),
    ];

    private static readonly string[] ForeignCategories = ["Путешествия", "Отели", "Такси"];
    private static readonly Dictionary<string, decimal> RatesToKzt = new() { ["KZT"] = 1m, ["USD"] = 470m, ["EUR"] = 510m };

    private enum Activity { Everyday, Credit, Savings, Foreign }

    private sealed record TransferKind(string Type, string Direction, int Min, int Max, int Weight, Activity Activity);

    private static readonly TransferKind[] TransferKinds =
    [
        new("p2p_out", "out", 1_000, 60_000, 240, Activity.Everyday), new("card_out", "out", 2_000, 80_000, 120, Activity.Everyday),
        new("atm_withdrawal", "out", 5_000, 60_000, 90, Activity.Everyday), new("utilities_out", "out", 3_000, 40_000, 35, Activity.Everyday),
        new("card_in", "in", 2_000, 100_000, 130, Activity.Everyday), new("family_in", "in", 2_000, 60_000, 50, Activity.Everyday),
        new("cashback_in", "in", 50, 5_000, 40, Activity.Everyday), new("refund_in", "in", 500, 30_000, 20, Activity.Everyday),
        new("loan_payment_out", "out", 20_000, 250_000, 12, Activity.Credit), new("installment_payment_out", "out", 5_000, 80_000, 20, Activity.Credit),
        new("cc_repayment_out", "out", 10_000, 300_000, 12, Activity.Credit), new("invest_out", "out", 20_000, 600_000, 20, Activity.Savings),
        new("invest_in", "in", 20_000, 500_000, 10, Activity.Savings), new("deposit_topup_out", "out", 20_000, 600_000, 20, Activity.Savings),
        new("gold_buy_out", "out", 30_000, 400_000, 10, Activity.Savings), new("gold_sell_in", "in", 30_000, 400_000, 5, Activity.Savings),
        new("fx_buy", "out", 20_000, 400_000, 25, Activity.Foreign), new("fx_sell", "in", 10_000, 300_000, 10, Activity.Foreign),
        new("deposit_fx_topup_out", "out", 50_000, 500_000, 10, Activity.Foreign), new("deposit_fx_withdraw_in", "in", 50_000, 400_000, 5, Activity.Foreign),
    ];

    private sealed record Plan(BankClient Client, Personality Personality, int[] CategoryWeights, List<TransferKind> Kinds,
        decimal Scale, string? IncomeType, decimal Income, int PayDay, int TransactionsPerMonth, int TransfersPerMonth);

    public string Module => "banking";

    public async Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        !await services.GetRequiredService<BankingDbContext>().Clients.AnyAsync(cancellationToken);

    public async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var clients = new List<BankClient>();
        var transactions = new List<CardTransaction>();
        var transfers = new List<Transfer>();
        for (var code = 1; code <= ClientCount; code++)
        {
            var plan = NewPlan(random, code);
            clients.Add(plan.Client);
            foreach (var month in Months)
            {
                AddCardTransactions(random, plan, month, transactions);
                AddTransfers(random, plan, month, transfers);
            }
        }

        var db = services.GetRequiredService<BankingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Clients.AddRange(clients);
        db.Transactions.AddRange(transactions);
        db.Transfers.AddRange(transfers);
        await DataVersions.BumpAsync(db, DateTimeOffset.UtcNow, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private static Plan NewPlan(Random random, int code)
    {
        var status = Pick(random, Statuses);
        var personality = Personalities[random.Next(Personalities.Length)];
        var balance = status switch
        {
            ClientStatus.Premium => LogNormal(random, 2_200_000, 0.45, 1_000_000, 6_000_000),
            ClientStatus.Salary => LogNormal(random, 450_000, 0.6, 60_000, 2_500_000),
            ClientStatus.Student => LogNormal(random, 90_000, 0.6, 30_000, 800_000),
            _ => LogNormal(random, 220_000, 0.7, 30_000, 800_000),
        };
        var client = new BankClient
        {
            ClientCode = code,
            Name = Names[random.Next(Names.Length)],
            Status = status,
            Age = status == ClientStatus.Student ? random.Next(18, 25) : random.Next(22, 66),
            City = Pick(random, Cities),
            AvgMonthlyBalanceKzt = Math.Round(balance, 0),
        };

        // A second, random interest keeps clients of the same personality from looking identical.
        var extra = Categories[random.Next(Categories.Length)].Name;
        var weights = Categories
            .Select(c => c.Weight + personality.Favourites.Where(f => f.Category == c.Name).Sum(f => f.Extra) + (c.Name == extra ? c.Weight * 2 : 0))
            .ToArray();

        var savings = status == ClientStatus.Premium || balance > 1_000_000m || random.NextDouble() < 0.15;
        var foreign = personality.Traveller || (status == ClientStatus.Premium && random.NextDouble() < 0.5);
        var kinds = TransferKinds.Where(k => k.Activity switch
        {
            Activity.Credit => random.NextDouble() < (status == ClientStatus.Student ? 0.1 : 0.35),
            Activity.Savings => savings,
            Activity.Foreign => foreign,
            _ => true,
        }).ToList();

        var scale = (decimal)Math.Clamp(Math.Sqrt((double)balance / 400_000), 0.4, 2.0);
        var (incomeType, income) = status switch
        {
            ClientStatus.Salary => ("salary_in",
                Math.Clamp(Math.Round(balance * (decimal)(0.8 + random.NextDouble() * 0.7) / 1000) * 1000, 150_000m, 1_500_000m)),
            ClientStatus.Student => ("stipend_in", Money(random, 25_000, 60_000, 1m)),
            _ => ((string?)null, 0m),
        };
        return new Plan(client, personality, weights, kinds, scale, incomeType, income, random.Next(1, 26),
            random.Next(60, 121), random.Next(60, 121));
    }

    private static void AddCardTransactions(Random random, Plan plan, int month, List<CardTransaction> into)
    {
        var count = MonthlyCount(random, plan.TransactionsPerMonth);
        var rows = new List<CardTransaction>(count);
        while (rows.Count < count)
        {
            var category = Categories[PickIndex(random, plan.CategoryWeights)];
            var currency = plan.Personality.Traveller && ForeignCategories.Contains(category.Name) && random.NextDouble() < 0.1
                ? random.Next(2) == 0 ? "USD" : "EUR"
                : "KZT";
            var amount = currency == "KZT"
                ? Money(random, category.Min, category.Max, plan.Scale)
                : Money(random, Math.Max(5, category.Min / 400), Math.Min(400, category.Max / 400), 1m);
            rows.Add(new CardTransaction
            {
                ClientCode = plan.Client.ClientCode,
                OccurredAt = At(random, month),
                Category = category.Name,
                Amount = amount,
                Currency = currency,
                AmountKzt = Math.Round(amount * RatesToKzt[currency], 2),
            });
        }
        into.AddRange(rows.OrderBy(t => t.OccurredAt));
    }

    private static void AddTransfers(Random random, Plan plan, int month, List<Transfer> into)
    {
        var count = MonthlyCount(random, plan.TransfersPerMonth);
        var rows = new List<Transfer>(count);
        if (plan.IncomeType is not null)
        {
            rows.Add(NewTransfer(plan, plan.IncomeType, "in", plan.Income, At(random, month, plan.PayDay)));
        }
        var weights = plan.Kinds.Select(k => k.Weight).ToArray();
        while (rows.Count < count)
        {
            var kind = plan.Kinds[PickIndex(random, weights)];
            var amount = Money(random, kind.Min, kind.Max, plan.Scale);
            rows.Add(NewTransfer(plan, kind.Type, kind.Direction, amount, At(random, month)));
        }
        into.AddRange(rows.OrderBy(t => t.OccurredAt));
    }

    private static Transfer NewTransfer(Plan plan, string type, string direction, decimal amount, DateTime at) =>
        new() { ClientCode = plan.Client.ClientCode, OccurredAt = at, Type = type, Direction = direction, Amount = amount, Currency = "KZT", AmountKzt = amount };

    private static int MonthlyCount(Random random, int usual) => Math.Clamp(usual + random.Next(-10, 11), 60, 120);

    /// <summary>A local wall-clock time between 06:00 and 22:59 on the given day, or on a random day of the month.</summary>
    private static DateTime At(Random random, int month, int? day = null) =>
        new(Year, month, day ?? random.Next(1, DateTime.DaysInMonth(Year, month) + 1), random.Next(6, 23), random.Next(60), random.Next(60), DateTimeKind.Unspecified);

    /// <summary>Between the bounds on a log scale, skewed low: small amounts are common and large ones rare.</summary>
    private static decimal Money(Random random, int min, int max, decimal scale) =>
        Math.Round((decimal)(min * Math.Pow((double)max / min, Math.Pow(random.NextDouble(), 3))) * scale, 2);

    private static decimal LogNormal(Random random, double median, double sigma, double min, double max)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (decimal)Math.Clamp(median * Math.Exp(sigma * normal), min, max);
    }

    private static T Pick<T>(Random random, (T Item, int Weight)[] table) => table[PickIndex(random, table.Select(t => t.Weight).ToArray())].Item;

    private static int PickIndex(Random random, int[] weights)
    {
        var (roll, i) = (random.Next(weights.Sum()), 0);
        while ((roll -= weights[i]) >= 0)
        {
            i++;
        }
        return i;
    }
}
