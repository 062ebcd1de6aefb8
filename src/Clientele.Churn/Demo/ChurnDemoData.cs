using Clientele.Churn.Alerts;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Predictions;
using Clientele.Churn.Scoring;
using Clientele.Platform;
using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Demo;

/// <summary>
/// A retail bank in Kazakhstan and Uzbekistan (balances and salaries in tenge): 1 500 customers whose outcome is known — about one
/// in five left — shaped like the bank data the model is built for (three or four products, age 45–60 and inactivity raise the
/// risk). First start trains v1 on them, scores everyone, keeps 30 days of history for the trend, raises the alerts that history
/// calls for, and adds a risk analyst (<see cref="AnalystEmail"/>, the demo admin's password) beside the demo admin, who is a
/// model manager. The same data on every run.
/// </summary>
public sealed class ChurnDemoData : IDemoData
{
    public const int CustomerCount = 1500;
    public const int HistoryDays = 30;
    public const string AnalystEmail = "analyst@clientele.local";
    private const int Seed = 20251205;

    private static readonly string[] FirstNames =
    [
        "Айгерим", "Нурлан", "Данияр", "Жанар", "Ержан", "Асель", "Бауыржан", "Динара", "Ерлан", "Гульнара", "Канат", "Мадина", "Арман", "Сауле",
        "Тимур", "Алия", "Дильноза", "Шерзод", "Нилуфар", "Бехзод", "Гулноза", "Отабек", "Малика", "Жасур", "Камила", "Рустам", "Зарина", "Азиз",
    ];

    private static readonly string[] LastNames =
    [
        "Ахметов", "Нурланов", "Сериков", "Касымов", "Жумабаев", "Абенов", "Омаров", "Искаков", "Тулегенов", "Байжанов", "Каримов", "Рахимов",
        "Юсупов", "Турсунов", "Алиев", "Назаров", "Исмаилов", "Султанов",
    ];

    private const string Cyrillic = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяұқғңөүһә";
    private static readonly string[] Latin =
    [
        "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
        "sh", "", "y", "", "e", "yu", "ya", "u", "q", "g", "n", "o", "u", "h", "a",
    ];

    public string Module => ChurnModule.Name;

    public async Task<bool> IsEmptyAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        !await services.GetRequiredService<ChurnDbContext>().Customers.AnyAsync(cancellationToken);

    public async Task FillAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ChurnDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var options = services.GetRequiredService<IOptions<ChurnOptions>>().Value;
        var now = time.GetUtcNow();
        var customers = Generate(now);
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(cancellationToken);

        var rows = customers.Select(c => new LabelledCustomer(CustomerScoring.FeaturesOf(c), c.Churned == true)).ToList();
        var trained = ChurnTrainer.Train(rows, options.Training, cancellationToken: cancellationToken);
        db.ModelVersions.Add(new ModelVersion
        {
            Version = "v1", TrainedAt = now.AddDays(-HistoryDays), IsActive = true, Rows = rows.Count, CvAuc = trained.CvAuc, CvAucSd = trained.CvAucSd,
            MetricsJson = ModelJson.Write(trained.Metrics), ImportanceJson = ModelJson.Write(trained.Importances),
            BaselineJson = ModelJson.Write(trained.Baseline), Decision = "Promoted: the first model of this organization (demo data)", Model = trained.Model,
        });
        await db.SaveChangesAsync(cancellationToken);

        var model = ChurnModel.Load(trained.Model);
        var scores = model.ScoreMany(rows.Select(r => r.Features).ToList());
        var random = new Random(Seed + 1);
        var alerts = services.GetRequiredService<AlertRules>();
        var recent = new AlertRules.Recent([], 0);
        for (var index = 0; index < customers.Count; index++)
        {
            var customer = customers[index];
            var features = RiskPoints.FeaturesJson(rows[index].Features);
            // Risk drifted up towards today for the customers who are leaving, and wobbled for the rest.
            var drift = customer.Churned == true ? 0.25 : 0.05;
            double? previous = null;
            for (var day = HistoryDays - 1; day >= 0; day--)
            {
                var at = now.AddDays(-day).AddMinutes(-random.Next(0, 600));
                var score = Math.Round(Math.Clamp(scores[index] * (1 - drift * day / HistoryDays) + (random.NextDouble() - 0.5) * 0.02, 0, 1), 6);
                db.RiskHistory.Add(new RiskHistoryEntry
                {
                    CustomerId = customer.Id, Score = score, Timestamp = at, Day = DateOnly.FromDateTime(at.UtcDateTime), ModelVersion = "v1",
                    Source = day == 0 ? RiskSources.Sweep : RiskSources.Batch, FeaturesJson = features, FactorsJson = "[]",
                });
                if (day == 0)
                {
                    alerts.Raise(db, customer, previous, score, at, recent, options);
                    customer.RiskScore = score;
                    customer.ModelVersion = "v1";
                    customer.LastUpdated = at;
                }
                previous = score;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await AddAnalystAsync(services, cancellationToken);
    }

    private static async Task AddAnalystAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var platform = services.GetRequiredService<PlatformDbContext>();
        if (await platform.Users.IgnoreQueryFilters().AnyAsync(u => u.Email == AnalystEmail, cancellationToken))
        {
            return;
        }
        var password = DemoSettings.AdminPassword(services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        var analyst = new User { Email = AnalystEmail, PasswordHash = "", Role = Role.Analyst };
        analyst.PasswordHash = PasswordHashing.Hash(analyst, password);
        platform.Users.Add(analyst);
        await platform.SaveChangesAsync(cancellationToken);
    }

    public static List<ChurnCustomer> Generate(DateTimeOffset now)
    {
        var random = new Random(Seed);
        var customers = new List<ChurnCustomer>(CustomerCount);
        for (var index = 0; index < CustomerCount; index++)
        {
            var uzbek = random.NextDouble() < 0.35;
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var female = first is "Айгерим" or "Жанар" or "Асель" or "Динара" or "Гульнара" or "Мадина" or "Сауле" or "Алия" or "Дильноза" or "Нилуфар"
                or "Гулноза" or "Малика" or "Камила" or "Зарина";
            var age = (int)Math.Clamp(Math.Round(39 + Normal(random) * 10.5), 18, 85);
            var products = Pick(random, [(1, 50.8), (2, 45.9), (3, 2.7), (4, 0.6)]);
            var active = random.NextDouble() < 0.52;
            var balance = random.NextDouble() < 0.36 ? 0 : Math.Round(Math.Max(50_000, 60_000_000 + Normal(random) * 30_000_000) / 1000) * 1000;
            var churnLogit = -1.9 + (products switch { 2 => -1.3, 3 => 2.3, 4 => 4.0, _ => 0 })
                + (age is >= 45 and <= 60 ? 1.7 : age is >= 40 and < 45 or > 60 and <= 67 ? 0.8 : age < 30 ? -0.6 : 0)
                + (active ? -0.9 : 0.2) + (balance > 0 ? 0.35 : 0) + Normal(random) * 0.5;
            var churned = random.NextDouble() < 1 / (1 + Math.Exp(-churnLogit));
            var customer = new ChurnCustomer
            {
                Name = $"{first} {(female ? last + "а" : last)}",
                Email = $"{Transliterate(first)}.{Transliterate(last)}{index + 1}@{(uzbek ? "mail.uz" : "mail.kz")}",
                Phone = uzbek ? $"+998 9{random.Next(0, 10)} {random.Next(100, 1000)} {random.Next(10, 100)} {random.Next(10, 100)}"
                    : $"+7 70{random.Next(0, 8)} {random.Next(100, 1000)} {random.Next(10, 100)} {random.Next(10, 100)}",
                Age = age,
                Tenure = random.Next(0, 11),
                Balance = balance,
                Products = products,
                CreditCard = random.NextDouble() < 0.7,
                Active = active,
                Salary = Math.Round((1_800_000 + random.NextDouble() * 34_000_000) / 1000) * 1000,
                Churned = churned,
                ChurnedOn = churned ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(1, 365)) : null,
                CreatedAt = now.AddDays(-HistoryDays - random.Next(0, 700)),
                LastUpdated = now,
            };
            customer.IndexForSearch();
            customers.Add(customer);
        }
        return customers;
    }

    private static string Transliterate(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => Cyrillic.IndexOf(c) is var at and >= 0 ? Latin[at] : c.ToString()));

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Pick(Random random, (int Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }
}
