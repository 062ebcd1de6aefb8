using System.Globalization;
using System.Text;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>
/// A deterministic bank in the case format (clients.csv and per-client transactions and transfers for June–August 2025), so the
/// recommendation tests need no shared data. Clients follow a few personas (traveller, saver, borrower, …) so rankings differ.
/// </summary>
public sealed class GeneratedBank
{
    private static readonly string[] Names = ["Айгерим", "Данияр", "Жанна", "Ержан", "Асель", "Тимур", "Мадина", "Арман", "Динара", "Санжар"];
    private static readonly string[] Statuses = ["Зарплатный клиент", "Премиальный клиент", "Стандартный клиент", "Студент"];
    private static readonly string[] Everyday = ["Продукты питания", "Кафе и рестораны", "АЗС", "Одежда и обувь", "Медицина"];

    private static readonly (string[] Categories, string[] Transfers)[] Personas =
    [
        (["Путешествия", "Отели", "Такси"], ["card_out"]),
        (["Ювелирные украшения", "Косметика и Парфюмерия", "Кафе и рестораны"], ["atm_withdrawal", "p2p_out", "deposit_topup_out"]),
        (["Едим дома", "Смотрим дома", "Играем дома", "Кино"], ["cc_repayment_out"]),
        (["Продукты питания"], ["loan_payment_out", "installment_payment_out"]),
        (["Кафе и рестораны"], ["fx_buy", "fx_sell"]),
        (["Продукты питания"], ["invest_out", "invest_in"]),
        (["Ювелирные украшения"], ["gold_buy_out"]),
        (["Продукты питания"], ["deposit_topup_out"]),
    ];

    public sealed record Client(int Code, string Name, string Status, int Age, string City, decimal Balance, List<string> Transactions, List<string> Transfers);

    public IReadOnlyList<Client> Clients { get; }

    public GeneratedBank(int count, int seed = 13)
    {
        var random = new Random(seed);
        Clients = Enumerable.Range(1, count).Select(code => NewClient(random, code)).ToList();
    }

    private static Client NewClient(Random random, int code)
    {
        var persona = Personas[random.Next(Personas.Length)];
        var name = Names[random.Next(Names.Length)];
        var balance = Math.Round((decimal)Math.Pow(10, 4 + random.NextDouble() * 3), 2);
        var client = new Client(code, name, Statuses[random.Next(Statuses.Length)], 18 + random.Next(50), "Алматы", balance, [], []);
        for (var month = 6; month <= 8; month++)
        {
            for (var i = 0; i < 12; i++)
            {
                var category = random.Next(3) == 0 ? Everyday[random.Next(Everyday.Length)] : persona.Categories[random.Next(persona.Categories.Length)];
                var currency = category is "Путешествия" or "Отели" && random.Next(2) == 0 ? "EUR" : "KZT";
                var amount = currency == "EUR" ? 20 + random.Next(300) : 1_000 + random.Next(60_000);
                client.Transactions.Add($"{Moment(random, month)},{category},{amount}.{random.Next(100):D2},{currency}");
            }
            client.Transfers.Add($"{Moment(random, month)},salary_in,in,{200_000 + random.Next(400_000)},KZT");
            for (var i = 0; i < 4; i++)
            {
                var type = persona.Transfers[random.Next(persona.Transfers.Length)];
                var direction = type.EndsWith("_in", StringComparison.Ordinal) ? "in" : "out";
                client.Transfers.Add($"{Moment(random, month)},{type},{direction},{5_000 + random.Next(150_000)}.{random.Next(100):D2},KZT");
            }
        }
        if (code % 3 == 0)
        {
            // A transfer a month after the last card payment moves the client's window to July–September.
            client.Transfers.Add("2025-09-02 10:00:00,p2p_out,out,1500.00,KZT");
        }
        return client;
    }

    private static string Moment(Random random, int month) =>
        new DateTime(2025, month, 1 + random.Next(28), random.Next(24), random.Next(60), random.Next(60)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The files to upload. <paramref name="codeOf"/> and <paramref name="nameOf"/> relabel clients; <paramref name="shuffleSeed"/>
    /// shuffles the order of clients and of every file's rows.
    /// </summary>
    public (string Name, string Text)[] Files(Func<Client, int>? codeOf = null, Func<Client, string>? nameOf = null, int? shuffleSeed = null)
    {
        var order = shuffleSeed is { } seed ? new Random(seed) : null;
        IEnumerable<T> Arrange<T>(IEnumerable<T> items) => order is null ? items : items.OrderBy(_ => order.Next());
        string Code(Client c) => (codeOf?.Invoke(c) ?? c.Code).ToString(CultureInfo.InvariantCulture);
        string Name(Client c) => nameOf?.Invoke(c) ?? c.Name;

        var clients = new StringBuilder("client_code,name,status,age,city,avg_monthly_balance_KZT\n");
        var files = new List<(string, string)>();
        foreach (var client in Arrange(Clients))
        {
            clients.Append(CultureInfo.InvariantCulture, $"{Code(client)},{Name(client)},{client.Status},{client.Age},{client.City},{client.Balance}\n");
            var prefix = $"{Code(client)},{Name(client)},{client.Status},{client.City},";
            files.Add(($"client_{Code(client)}_transactions_3m.csv", "client_code,name,status,city,date,category,amount,currency\n" +
                string.Concat(Arrange(client.Transactions).Select(row => prefix + row + "\n"))));
            files.Add(($"client_{Code(client)}_transfers_3m.csv", "client_code,name,status,city,date,type,direction,amount,currency\n" +
                string.Concat(Arrange(client.Transfers).Select(row => prefix + row + "\n"))));
        }
        return [("clients.csv", clients.ToString()), .. files];
    }
}
