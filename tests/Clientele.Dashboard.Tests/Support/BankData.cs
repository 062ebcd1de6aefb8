using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>Small bank case files for the import endpoint: named clients, and card payments over June–August 2025 for client 1.</summary>
public static class BankData
{
    public static readonly string[] MainNames =
    [
        "Айгерим", "Данияр", "Нурлан", "Жанна", "Алия", "Ержан", "Дильноза", "Тимур", "Асель", "Бекзат", "Шахноза", "Рустам",
        "Мадина", "Арман", "Гульнара", "Санжар", "Камила", "Азамат", "Динара", "Ильяс", "Малика", "Жасур", "Томирис", "Ерлан", "Зарина",
    ];

    public static readonly string[] OtherNames = ["Бауыржан", "Сымбат", "Олжас"];

    /// <summary>Client 1's balance, shown as <c>143 945 ₸</c>.</summary>
    public const decimal FirstBalance = 143_945m;

    public static string Clients(IReadOnlyList<string> names)
    {
        var csv = new StringBuilder("client_code,name,status,age,city,avg_monthly_balance_KZT\n");
        for (var i = 0; i < names.Count; i++)
        {
            var balance = i == 0 ? FirstBalance : 50_000m + i * 1_000m;
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},{names[i]},Зарплатный клиент,{25 + i},Алматы,{balance}\n");
        }
        return csv.ToString();
    }

    /// <summary>71 000 ₸ over three months: June 16 000, July 25 000, August 30 000.</summary>
    public static string FirstClientTransactions(string name) =>
        "client_code,name,status,city,date,category,amount,currency\n" +
        $"1,{name},зп,Алматы,2025-06-03 09:10:00,Такси,6000,KZT\n" +
        $"1,{name},зп,Алматы,2025-06-10 12:00:00,Продукты питания,10000,KZT\n" +
        $"1,{name},зп,Алматы,2025-07-02 12:00:00,Продукты питания,20000,KZT\n" +
        $"1,{name},зп,Алматы,2025-07-20 19:30:00,Кафе и рестораны,5000,KZT\n" +
        $"1,{name},зп,Алматы,2025-08-05 08:00:00,Путешествия,30000,KZT\n";

    public static MultipartFormDataContent Upload(params (string Name, string Text)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, "files", name);
        }
        return content;
    }
}
