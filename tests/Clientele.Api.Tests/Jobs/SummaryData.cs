using System.Net;
using Clientele.Api.Tests.Support;

namespace Clientele.Api.Tests.Jobs;

/// <summary>Two clients with card spending over three months, imported through the banking endpoint.</summary>
public static class SummaryData
{
    public const string Transactions =
        "client_code,name,status,city,date,category,amount,currency\n" +
        "1,Айгерим,зп,Алматы,2025-06-01 09:10:36,Такси,6424.48,KZT\n" +
        "1,Айгерим,зп,Алматы,2025-06-20 19:00:00,Такси,1575.52,KZT\n" +
        "1,Айгерим,зп,Алматы,2025-06-21 12:00:00,Кафе и рестораны,2000,KZT\n" +
        "1,Айгерим,зп,Алматы,2025-07-02 12:00:00,Продукты питания,10000.00,KZT\n" +
        "1,Айгерим,зп,Алматы,2025-08-03 13:00:00,Путешествия,100,EUR\n" +
        "2,Данияр,премиум,Астана,2025-08-31 23:59:59,Кино,5000,KZT\n";

    public static async Task ImportAsync(HttpClient client)
    {
        var response = await client.PostAsync("/banking/api/import",
            CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("client_1_transactions_3m.csv", Transactions)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> RefreshAsync(HttpClient client)
    {
        var response = await client.PostAsync("/banking/api/summaries/refresh", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
    }
}
