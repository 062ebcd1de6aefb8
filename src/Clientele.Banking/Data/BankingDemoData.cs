using Clientele.Banking.Domain;
using Clientele.Banking.Population;
using Clientele.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CategoryName = Clientele.Banking.Offers.BankVocabulary.Categories;
using TransferType = Clientele.Banking.Offers.BankVocabulary.TransferTypes;

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
        new(CategoryName.Restaurants, 2_000, 25_000, 100), new(CategoryName.Groceries, 3_000, 40_000, 160), new(CategoryName.Taxi, 1_000, 8_000, 60),
        new(CategoryName.FoodDelivery, 3_000, 15_000, 40), new(CategoryName.Streaming, 1_500, 6_000, 20), new(CategoryName.Gaming, 1_000, 20_000, 15),
        new(CategoryName.Cinema, 2_000, 10_000, 20), new(CategoryName.Fuel, 5_000, 30_000, 40), new(CategoryName.Cosmetics, 3_000, 60_000, 25),
        new(CategoryName.Hotels, 30_000, 400_000, 3), new(CategoryName.Travel, 30_000, 400_000, 3), new(CategoryName.Sport, 5_000, 40_000, 20),
        new(CategoryName.Gifts, 5_000, 60_000, 10), new(CategoryName.Entertainment, 3_000, 30_000, 25), new(CategoryName.HomeRepair, 10_000, 200_000, 5),
        new(CategoryName.Furniture, 30_000, 400_000, 3), new(CategoryName.Clothes, 8_000, 120_000, 30), new(CategoryName.Jewellery, 30_000, 500_000, 3),
        new(CategoryName.Car, 10_000, 250_000, 5), new(CategoryName.Medicine, 3_000, 80_000, 20), new(CategoryName.Pets, 2_000, 30_000, 10),
        new(CategoryName.Books, 2_000, 15_000, 8), new(CategoryName.Flowers, 5_000, 30_000, 8), new(CategoryName.Spa, 10_000, 50_000, 8),
    ];

    private sealed record Personality(bool Traveller, params (string Category, int Extra)[] Favourites);

    private static readonly Personality[] Personalities =
    [
        new(true, (CategoryName.Taxi, 200), (CategoryName.Travel, 25), (CategoryName.Hotels, 25)), new(false, (CategoryName.Restaurants, 250), (CategoryName.Cinema, 40), (CategoryName.Entertainment, 40)),
        new(false, (CategoryName.FoodDelivery, 200), (CategoryName.Streaming, 100), (CategoryName.Gaming, 100)), new(false, (CategoryName.Fuel, 180), (CategoryName.Car, 30)),
        new(false, (CategoryName.Cosmetics, 150), (CategoryName.Jewellery, 15), (CategoryName.Spa, 60)),
        new(false, (CategoryName.Groceries, 150), (CategoryName.Furniture, 12), (CategoryName.HomeRepair, 25), (CategoryName.Pets, 60)),
        new(false, (CategoryName.Sport, 150), (CategoryName.Medicine, 60), (CategoryName.Clothes, 60)),
    ];

    private static readonly BankingOptions Rates = new();

    private enum Activity { Everyday, Credit, Savings, Foreign }

    private sealed record TransferKind(string Type, string Direction, int Min, int Max, int Weight, Activity Activity);

    private static readonly TransferKind[] TransferKinds =
    [
        new(TransferType.P2pOut, "out", 1_000, 60_000, 240, Activity.Everyday), new(TransferType.CardOut, "out", 2_000, 80_000, 120, Activity.Everyday),
        new(TransferType.AtmWithdrawal, "out", 5_000, 60_000, 90, Activity.Everyday), new(TransferType.UtilitiesOut, "out", 3_000, 40_000, 35, Activity.Everyday),
        new(TransferType.CardIn, "in", 2_000, 100_000, 130, Activity.Everyday), new(TransferType.FamilyIn, "in", 2_000, 60_000, 50, Activity.Everyday),
        new(TransferType.CashbackIn, "in", 50, 5_000, 40, Activity.Everyday), new(TransferType.RefundIn, "in", 500, 30_000, 20, Activity.Everyday),
        new(TransferType.LoanPaymentOut, "out", 20_000, 250_000, 12, Activity.Credit), new(TransferType.InstallmentPaymentOut, "out", 5_000, 80_000, 20, Activity.Credit),
        new(TransferType.CreditCardRepaymentOut, "out", 10_000, 300_000, 12, Activity.Credit), new(TransferType.InvestOut, "out", 20_000, 600_000, 20, Activity.Savings),
        new(TransferType.InvestIn, "in", 20_000, 500_000, 10, Activity.Savings), new(TransferType.DepositTopupOut, "out", 20_000, 600_000, 20, Activity.Savings),
        new(TransferType.GoldBuyOut, "out", 30_000, 400_000, 10, Activity.Savings), new(TransferType.GoldSellIn, "in", 30_000, 400_000, 5, Activity.Savings),
        new(TransferType.FxBuy, "out", 20_000, 400_000, 25, Activity.Foreign), new(TransferType.FxSell, "in", 10_000, 300_000, 10, Activity.Foreign),
        new(TransferType.DepositFxTopupOut, "out", 50_000, 500_000, 10, Activity.Foreign), new(TransferType.DepositFxWithdrawIn, "in", 50_000, 400_000, 5, Activity.Foreign),
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
            ClientStatus.Salary => (TransferType.SalaryIn,
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
            var currency = plan.Personality.Traveller && CategoryName.TravelAndTaxi.Contains(category.Name) && random.NextDouble() < 0.1
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
                AmountKzt = Math.Round(amount * Rates.TengePer(currency)!.Value, 2),
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
