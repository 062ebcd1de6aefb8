using Clientele.Platform;
using Clientele.Retail.Customers;
using Clientele.Retail.Data;
using Clientele.Retail.Products;
using Clientele.Retail.Sales;
using Clientele.Retail.Timeframe;
using Clientele.Platform.Jobs;
using Clientele.Retail.Rules;
using Clientele.Retail.Segments;
using Clientele.Retail.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Retail.Demo;

/// <summary>
/// A supermarket chain in Kazakhstan and Uzbekistan, June–November 2025, prices in tenge: about 200 products, 500 customers,
/// 180 calendar days, several thousand baskets. Baskets are built from shopping missions (plov, tea time, breakfast,
/// beshbarmak, baby care, cleaning, barbecue, hair care) plus popular items, so association rules and bundles find real
/// structure. Every line is at its product's price and every amount is the sum of its lines. The same data on every run.
/// </summary>
public sealed class RetailDemoData : IDemoData
{
    private const int Seed = 20250601;
    public const int CustomerCount = 500;
    public const int TransactionCount = 4500;
    public const int Days = 180;
    public static readonly DateOnly FirstDay = new(2025, 6, 1);

    private sealed record Item(string Category, string Brand, string Name, decimal Price);

    // The products the shopping missions are made of; the catalogue is filled up with the generated assortment below.
    private static readonly Item[] Core =
    [
        new("Бакалея", "Девзира", "Рис девзира 1 кг", 1450), new("Овощи и фрукты", "Сельхоз", "Морковь жёлтая 1 кг", 320),
        new("Мясо и птица", "Алтын Агаш", "Баранина на кости 1 кг", 4200), new("Бакалея", "Хлопковое Золото", "Масло хлопковое 1 л", 1250),
        new("Овощи и фрукты", "Сельхоз", "Лук репчатый 1 кг", 180), new("Бакалея", "Шафран", "Зира 50 г", 390),
        new("Чай и кофе", "Piala", "Чай чёрный гранулированный 250 г", 1190), new("Бакалея", "Цесна", "Сахар 1 кг", 520),
        new("Сладости", "Баян Сулу", "Печенье сахарное 400 г", 690), new("Молочные продукты", "Food Master", "Сливки 10% 500 мл", 780),
        new("Сладости", "Рахат", "Шоколад молочный 100 г", 590), new("Хлеб и выпечка", "Аксай Нан", "Хлеб пшеничный", 210),
        new("Молочные продукты", "Адал", "Молоко 2,5% 1 л", 540), new("Молочные продукты", "Food Master", "Масло сливочное 82% 180 г", 1290),
        new("Мясо и птица", "Аллюр", "Яйца С1 10 шт", 690), new("Мясо и птица", "Жетісу Ет", "Казы 500 г", 5900),
        new("Бакалея", "Цесна", "Тесто для бешбармака 500 г", 640), new("Молочные продукты", "Саумал", "Кумыс 1 л", 1600),
        new("Детские товары", "Huggies", "Подгузники 4 размер 50 шт", 7900), new("Детские товары", "Huggies", "Влажные салфетки 64 шт", 890),
        new("Детские товары", "Агуша", "Пюре яблочное 90 г", 290), new("Бытовая химия", "Fairy", "Средство для посуды 900 мл", 1390),
        new("Бытовая химия", "Фрекен Бок", "Губки для посуды 5 шт", 420), new("Бытовая химия", "Zewa", "Бумажные полотенца 2 рулона", 790),
        new("Мясо и птица", "Алтын Агаш", "Шашлык из баранины маринованный 1 кг", 5400), new("Хлеб и выпечка", "Аксай Нан", "Лаваш тонкий", 260),
        new("Бакалея", "Кухмастер", "Кетчуп шашлычный 350 г", 650), new("Напитки", "Coca-Cola", "Кока-кола 1,5 л", 690),
        new("Личная гигиена", "Head & Shoulders", "Шампунь 400 мл", 2790), new("Личная гигиена", "Head & Shoulders", "Бальзам для волос 360 мл", 2590),
    ];

    // Missions: indexes into Core, how often a basket is built around one (weight), and how likely each member is in it.
    private static readonly (string Name, int[] Items, double Weight, double Take)[] Missions =
    [
        ("плов", [0, 1, 2, 3, 4, 5], 12, 0.7), ("чаепитие", [6, 7, 8, 9, 10], 16, 0.6), ("завтрак", [11, 12, 13, 14], 22, 0.65),
        ("бешбармак", [15, 16, 4, 17], 6, 0.7), ("малыш", [18, 19, 20], 7, 0.75), ("уборка", [21, 22, 23], 8, 0.7),
        ("шашлык", [24, 25, 26, 27], 8, 0.7), ("волосы", [28, 29], 5, 0.8),
    ];

    private static readonly (string Category, string[] Brands, (string Name, decimal Price)[] Items)[] Assortment =
    [
        ("Молочные продукты", ["Food Master", "Адал", "Лактис"],
            [("Кефир 2,5% 1 л", 590), ("Йогурт питьевой 290 г", 420), ("Творог 5% 350 г", 990), ("Сметана 20% 400 г", 860), ("Сыр Российский 300 г", 2100), ("Молоко 3,2% 1 л", 590), ("Масло сливочное 72% 200 г", 990)]),
        ("Хлеб и выпечка", ["Аксай Нан", "Цесна", "Бахетле"], [("Батон нарезной", 260), ("Лепёшка тандырная", 230), ("Самса с мясом", 450), ("Булочка с маком", 190), ("Баурсаки 500 г", 890)]),
        ("Мясо и птица", ["Аллюр", "Жетісу Ет", "Алтын Агаш"], [("Курица тушка 1,5 кг", 2900), ("Фарш говяжий 500 г", 2400), ("Колбаса варёная 500 г", 1900), ("Сосиски молочные 400 г", 1350)]),
        ("Овощи и фрукты", ["Сельхоз", "Ферма Алатау"], [("Картофель 1 кг", 260), ("Помидоры 1 кг", 890), ("Огурцы 1 кг", 690), ("Яблоки апорт 1 кг", 790), ("Бананы 1 кг", 850), ("Виноград 1 кг", 1400), ("Лимоны 1 кг", 1200), ("Капуста 1 кг", 190), ("Перец болгарский 1 кг", 1100)]),
        ("Бакалея", ["Цесна", "Макфа", "Кухмастер"], [("Мука 2 кг", 690), ("Макароны 450 г", 420), ("Гречка 900 г", 780), ("Соль 1 кг", 140), ("Майонез 400 г", 720), ("Фасоль 800 г", 690), ("Томатная паста 380 г", 490)]),
        ("Напитки", ["Tassay", "Шин-Лайн", "Piko"], [("Вода 1,5 л", 250), ("Сок яблочный 1 л", 690), ("Лимонад 1 л", 420), ("Айран 1 л", 490), ("Минеральная вода 1 л", 330), ("Холодный чай 1 л", 520)]),
        ("Чай и кофе", ["Piala", "Ахмад", "Jacobs"], [("Чай зелёный 100 г", 890), ("Кофе растворимый 95 г", 2190), ("Кофе молотый 250 г", 2690), ("Чай с бергамотом 100 пакетиков", 1890)]),
        ("Сладости", ["Рахат", "Баян Сулу", "Konti"], [("Конфеты ассорти 200 г", 1290), ("Вафли 300 г", 560), ("Халва подсолнечная 350 г", 620), ("Зефир 250 г", 690), ("Пряники 400 г", 590)]),
        ("Бытовая химия", ["Ariel", "Domestos", "Frosch"], [("Стиральный порошок 3 кг", 3990), ("Средство для туалета 750 мл", 1190), ("Кондиционер для белья 1 л", 1690), ("Освежитель воздуха 300 мл", 990)]),
        ("Личная гигиена", ["Colgate", "Nivea", "Dove"], [("Зубная паста 100 мл", 990), ("Мыло 90 г", 320), ("Гель для душа 250 мл", 1490), ("Дезодорант 150 мл", 1690), ("Шампунь детский 200 мл", 1290)]),
        ("Замороженные продукты", ["Мираторг", "Пельменная №1", "Шин-Лайн"], [("Пельмени 800 г", 1990), ("Манты 800 г", 2190), ("Мороженое пломбир 450 г", 1190), ("Вареники с картофелем 800 г", 1490)]),
    ];

    private static readonly (string Cyrillic, string Latin)[] MaleNames =
    [
        ("Нурлан", "nurlan"), ("Данияр", "daniyar"), ("Ержан", "yerzhan"), ("Бекзат", "bekzat"), ("Арман", "arman"), ("Азамат", "azamat"),
        ("Олжас", "olzhas"), ("Дархан", "darkhan"), ("Айдос", "aidos"), ("Санжар", "sanzhar"), ("Тимур", "timur"), ("Рустам", "rustam"),
        ("Жасур", "jasur"), ("Шерзод", "sherzod"), ("Нодир", "nodir"), ("Бахтияр", "bakhtiyar"), ("Улугбек", "ulugbek"), ("Фаррух", "farrukh"),
    ];

    private static readonly (string Cyrillic, string Latin)[] FemaleNames =
    [
        ("Айгерим", "aigerim"), ("Жанна", "zhanna"), ("Алия", "aliya"), ("Асель", "assel"), ("Мадина", "madina"), ("Гульнара", "gulnara"),
        ("Камила", "kamila"), ("Динара", "dinara"), ("Томирис", "tomiris"), ("Сауле", "saule"), ("Адина", "adina"), ("Гульмира", "gulmira"),
        ("Дильноза", "dilnoza"), ("Шахноза", "shakhnoza"), ("Нигора", "nigora"), ("Малика", "malika"), ("Зарина", "zarina"), ("Лола", "lola"),
    ];

    private static readonly (string Cyrillic, string Latin)[] Surnames =
    [
        ("Ахметов", "akhmetov"), ("Сейтказин", "seitkazin"), ("Нурпеисов", "nurpeisov"), ("Жумабаев", "zhumabayev"), ("Касымов", "kassymov"),
        ("Омаров", "omarov"), ("Исмаилов", "ismailov"), ("Абдуллаев", "abdullayev"), ("Каримов", "karimov"), ("Рахимов", "rakhimov"),
        ("Юсупов", "yusupov"), ("Турсунов", "tursunov"), ("Алимов", "alimov"), ("Садыков", "sadykov"), ("Бекмуратов", "bekmuratov"),
    ];

    private static readonly (string City, bool Uzbek, double Weight)[] Cities =
    [
        ("Алматы", false, 25), ("Астана", false, 20), ("Шымкент", false, 10), ("Караганда", false, 6), ("Актобе", false, 5),
        ("Ташкент", true, 18), ("Самарканд", true, 7), ("Бухара", true, 4), ("Наманган", true, 3), ("Андижан", true, 2),
    ];

    private static readonly (string Value, double Weight)[] IncomeLevels = [("Low", 25), ("Medium", 45), ("High", 22), ("Premium", 8)];
    private static readonly string[] Preferences = ["Семейные закупки", "Бюджетные покупки", "Здоровое питание", "Быстрые покупки", "Премиум-продукты"];
    private static readonly (string Value, double Weight)[] Channels = [("Store", 62), ("Mobile App", 23), ("Online", 15)];
    private static readonly (string Value, double Weight)[] Payments = [("Digital Wallet", 38), ("Debit Card", 30), ("Cash", 20), ("Credit Card", 12)];

    public string Module => RetailModule.Name;

    public async Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RetailDbContext>();
        return !await db.Products.AnyAsync(cancellationToken) && !await db.Customers.AnyAsync(cancellationToken);
    }

    public async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var data = Generate();
        var db = services.GetRequiredService<RetailDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var rows in new IEnumerable<object>[] { data.Products, data.Customers, data.Timeframe, data.Transactions, data.Sales })
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        // Rules, bundles and segments answer on first start too: the same jobs an analyst would start.
        var queue = services.GetRequiredService<JobQueue>();
        var checks = new Checks();
        var run = new StartMiningRun().Check(checks, services.GetRequiredService<TimeProvider>().GetUtcNow())!;
        await MiningRunEndpoints.QueueAsync(db, queue, run, cancellationToken);
        await queue.EnqueueAsync(SegmentationJob.JobKind, new SegmentationJob.Payload(null, null), cancellationToken: cancellationToken);
    }

    public sealed record DemoSet(List<Product> Products, List<Customer> Customers, List<TimeframeDay> Timeframe, List<RetailTransaction> Transactions, List<Sale> Sales);

    /// <summary>The demo rows, without touching a database; the same on every call.</summary>
    public static DemoSet Generate()
    {
        var random = new Random(Seed);
        var products = Catalogue();
        var customers = Enumerable.Range(1, CustomerCount).Select(id => NewCustomer(random, id)).ToList();
        var timeframe = Enumerable.Range(0, Days).Select(i => FirstDay.AddDays(i))
            .Select((date, i) => new TimeframeDay { TimeId = i + 1, Date = date, Day = date.Day, Month = date.Month, Year = date.Year }).ToList();

        // Some customers shop far more often than others and weekends are busier.
        var visits = customers.Select(_ => Math.Exp(NextGaussian(random) * 0.8)).ToArray();
        var dayWeights = timeframe.Select(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.5 : 1.0).ToArray();
        // The missions' products come mostly with their missions; the rest of the assortment is bought on its own.
        var popularity = products.Select((_, i) => i < Core.Length ? 0.03 : 1.0 / Math.Pow(i - Core.Length + 1, 0.8)).ToArray();
        var habits = customers.Select(_ => (Channel: Pick(random, Channels), Payment: Pick(random, Payments))).ToArray();
        var missionWeights = Missions.Select(m => m.Weight).ToArray();

        var baskets = new List<(int Customer, int Day, List<int> Products)>();
        for (var i = 0; i < TransactionCount; i++)
        {
            baskets.Add((PickIndex(random, visits), PickIndex(random, dayWeights), Basket(random, popularity, missionWeights)));
        }
        var transactions = new List<RetailTransaction>();
        var sales = new List<Sale>();
        foreach (var (customer, day, basket) in baskets.OrderBy(b => b.Day))
        {
            var transaction = new RetailTransaction
            {
                TransactionId = transactions.Count + 1,
                CustomerId = customer + 1,
                TimeId = day + 1,
                Channel = random.NextDouble() < 0.8 ? habits[customer].Channel : Pick(random, Channels),
                PaymentType = random.NextDouble() < 0.8 ? habits[customer].Payment : Pick(random, Payments),
            };
            foreach (var index in basket)
            {
                var quantity = random.NextDouble() switch { < 0.8 => 1, < 0.95 => 2, _ => 3 };
                var sale = new Sale
                {
                    SaleId = sales.Count + 1,
                    TransactionId = transaction.TransactionId,
                    ProductSku = products[index].Sku,
                    Quantity = quantity,
                    UnitPrice = products[index].Price,
                    LineTotal = Sale.LineTotalOf(quantity, products[index].Price),
                };
                sales.Add(sale);
                transaction.LinesTotal += sale.LineTotal;
            }
            transaction.Amount = transaction.LinesTotal;
            transactions.Add(transaction);
        }
        return new DemoSet(products, customers, timeframe, transactions, sales);
    }

    private static List<Product> Catalogue()
    {
        var items = Core.ToList();
        foreach (var (category, brands, assortment) in Assortment)
        {
            foreach (var (name, price) in assortment)
            {
                // Each item in each of its category's brands, the later brands a little dearer.
                items.AddRange(brands.Select((brand, b) => new Item(category, brand, name, price * (1 + 0.08m * b))));
            }
        }
        return items.Select((item, i) => new Product
        {
            Sku = ProductEndpoints.FirstSku + i,
            Name = $"{item.Name}, {item.Brand}",
            Category = item.Category,
            Brand = item.Brand,
            Price = decimal.Round(item.Price / 10, 0) * 10,
        }).ToList();
    }

    private static List<int> Basket(Random random, double[] popularity, double[] missionWeights)
    {
        var basket = new List<int>();
        if (random.NextDouble() < 0.55)
        {
            var mission = Missions[PickIndex(random, missionWeights)];
            basket.AddRange(mission.Items.Where(_ => random.NextDouble() < mission.Take));
            if (basket.Count == 0)
            {
                basket.Add(mission.Items[0]);
            }
        }
        var extras = random.Next(basket.Count == 0 ? 1 : 0, 4);
        for (var i = 0; i < extras; i++)
        {
            basket.Add(PickIndex(random, popularity));
        }
        return basket.Distinct().ToList();
    }

    private static Customer NewCustomer(Random random, int id)
    {
        var female = random.NextDouble() < 0.52;
        var (first, firstLatin) = female ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
        var (surname, surnameLatin) = Surnames[random.Next(Surnames.Length)];
        var city = Cities[PickIndex(random, Cities.Select(c => c.Weight).ToArray())];
        var age = Math.Clamp((int)Math.Round(38 + NextGaussian(random) * 12), 18, 78);
        var dob = FirstDay.AddDays(Days - 1).AddYears(-age).AddDays(-random.Next(1, 365));
        var phone = city.Uzbek
            ? $"+998 9{random.Next(0, 10)} {random.Next(100, 1000)} {random.Next(10, 100)} {random.Next(10, 100)}"
            : $"+7 7{random.Next(0, 8)}{random.Next(0, 10)} {random.Next(100, 1000)} {random.Next(10, 100)} {random.Next(10, 100)}";
        var income = Pick(random, IncomeLevels);
        return new Customer
        {
            CustomerId = id,
            FirstName = first,
            LastName = female ? surname + "а" : surname,
            Gender = female ? "Female" : "Male",
            Age = age,
            Dob = dob,
            Email = $"{firstLatin}.{surnameLatin}{(female ? "a" : "")}{random.Next(10, 1000)}@{(city.Uzbek ? "mail.uz" : "mail.kz")}",
            Phone = phone,
            City = city.City,
            IncomeLevel = income,
            ShoppingPreference = Preferences[random.Next(Preferences.Length)],
            CustomerSegment = income is "High" or "Premium" ? "High Value"
                : random.NextDouble() < 0.15 ? "New Customers"
                : random.NextDouble() < 0.5 ? "Medium Value" : "Regular",
        };
    }

    private static string Pick(Random random, (string Value, double Weight)[] choices) => choices[PickIndex(random, choices.Select(c => c.Weight).ToArray())].Value;

    private static int PickIndex(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
