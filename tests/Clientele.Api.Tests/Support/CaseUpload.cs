using System.Net.Http.Headers;
using System.Text;

namespace Clientele.Api.Tests.Support;

/// <summary>Multipart bodies for the banking import endpoint, as <c>curl -F files=@…</c> sends them.</summary>
public static class CaseUpload
{
    public static MultipartFormDataContent FromFolder(string folder) =>
        Files(Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));

    public static MultipartFormDataContent FromText(params (string Name, string Text)[] files) =>
        Files(files.Select(f => (f.Name, Encoding.UTF8.GetBytes(f.Text))));

    public static MultipartFormDataContent Files(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv");
            content.Add(part, "files", name);
        }
        return content;
    }

    public const string TwoClients =
        "client_code,name,status,age,city,avg_monthly_balance_KZT\n" +
        "1,Айгерим,Зарплатный клиент,29,Алматы,92643\n" +
        "2,Данияр,Премиальный клиент,41,Астана,1577073\n";

    public const string ClientOneTransactions =
        "client_code,name,status,city,date,category,amount,currency\n" +
        "1,Айгерим,зп,Алматы,2025-06-01 09:10:36,Такси,6424.48,KZT\n" +
        "1,Айгерим,зп,Алматы,2025-07-02 12:00:00,Продукты питания,10000.00,KZT\n" +
        "1,Айгерим,зп,Алматы,2025-08-03 13:00:00,Путешествия,100,EUR\n";

    public const string ClientOneTransfers =
        "client_code,name,status,city,date,type,direction,amount,currency\n" +
        "1,Айгерим,зп,Алматы,2025-06-01 11:40:16,salary_in,in,350000,KZT\n";
}
