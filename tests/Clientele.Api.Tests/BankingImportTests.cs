using System.IO.Compression;
using System.Net;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>The upload endpoint: all or nothing, bad rows reported by file and line.</summary>
public class BankingImportTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task Bom_crlf_extra_columns_slang_and_euros_are_all_accepted()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        var clients = "\uFEFFclient_code,name,status,age,city,avg_monthly_balance_KZT,extra\r\n1,Айгерим,зп,29,Алматы,92643,x\r\n";
        var transactions = "client_code,name,product,status,city,date,category,amount,currency\r\n" +
            "1,Айгерим,Кредитная карта,зп,Алматы,2025-06-01 09:10:36,Такси,1000.50,KZT\r\n" +
            "1,Айгерим,Кредитная карта,зп,Алматы,2025-06-02 09:10:36,Отели,10,EUR\r\n";

        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", clients), ("client_1_transactions_3m.csv", transactions)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await (await client.GetAsync("/banking/api/clients/1")).ReadJsonAsync();
        Assert.Equal("Зарплатный клиент", profile.GetProperty("status").GetString());
        Assert.Equal(1000.50m + 5100m, profile.GetProperty("total_spending_3m").GetDecimal());
        Assert.Equal("Отели", profile.GetProperty("top_categories")[0].GetProperty("category").GetString());
    }

    [DatabaseFact]
    public async Task One_bad_row_stores_nothing_and_is_reported_by_file_and_line()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        var first = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("t.csv", CaseUpload.ClientOneTransactions)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await (await client.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync();
        var changedClients = CaseUpload.TwoClients.Replace("92643", "1000", StringComparison.Ordinal) + "3,Сабина,Студент,22,Алматы,63116\n";
        var badTransactions = CaseUpload.ClientOneTransactions + "1,Айгерим,зп,Алматы,2025-08-04 13:00:00,Кино,-5,KZT\n";

        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", changedClients), ("client_1_transactions_3m.csv", badTransactions)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("import_error", problem.GetProperty("type").GetString());
        Assert.Equal("client_1_transactions_3m.csv", problem.GetProperty("loc")[1].GetString());
        Assert.Equal(5, problem.GetProperty("loc")[2].GetInt32());
        Assert.Contains("amount", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await (await client.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync());
        Assert.Equal(2, (await (await client.GetAsync("/banking/api/clients")).ReadJsonAsync()).GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_zip_of_the_files_imports_like_the_files()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("clients.csv", CaseUpload.TwoClients), ("client_1_transfers_3m.csv", CaseUpload.ClientOneTransfers) })
            {
                await using var entry = archive.CreateEntry(name).Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(text));
            }
        }

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("case.zip", zip.ToArray())]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadJsonAsync();
        Assert.Equal(2, summary.GetProperty("clients").GetInt32());
        Assert.Equal(1, summary.GetProperty("transfers").GetInt32());
    }

    [DatabaseFact]
    public async Task A_file_named_zip_that_is_not_a_zip_is_422_naming_it()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("case.zip", Encoding.UTF8.GetBytes(CaseUpload.TwoClients))]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["file", "case.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("Not a valid .zip archive.", problem.GetProperty("msg").GetString());
        Assert.Equal("[]", await (await client.GetAsync("/banking/api/clients")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task More_than_1024_files_in_one_form_is_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        var files = Enumerable.Range(1, 1025).Select(i => ($"client_{i}_transfers_3m.csv", Encoding.UTF8.GetBytes(CaseUpload.ClientOneTransfers)));

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files(files));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["body", "files"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("too_long", problem.GetProperty("type").GetString());
        Assert.Contains("1024", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task More_than_1024_files_in_zips_is_422()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var i in Enumerable.Range(1, 1025))
            {
                await using var entry = archive.CreateEntry($"client_{i}_transfers_3m.csv").Open();
                await entry.WriteAsync(Encoding.UTF8.GetBytes(CaseUpload.ClientOneTransfers));
            }
        }

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("case.zip", zip.ToArray())]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["file", "case.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("1024", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_zip_that_says_it_unpacks_past_the_limit_is_422_before_unpacking()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = archive.CreateEntry("client_1_transfers_3m.csv").Open();
            await entry.WriteAsync(Encoding.UTF8.GetBytes(CaseUpload.ClientOneTransfers));
        }
        var bytes = zip.ToArray();
        // The central directory's "uncompressed size" of the one entry, as a zip bomb declares it.
        var directory = bytes.AsSpan().IndexOf([(byte)0x50, (byte)0x4b, (byte)0x01, (byte)0x02]);
        BitConverter.TryWriteBytes(bytes.AsSpan(directory + 24, 4), 0xF0000000u);

        var response = await client.PostAsync("/banking/api/import", CaseUpload.Files([("bomb.zip", bytes)]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["file", "bomb.zip"], problem.GetProperty("loc").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("Unpacks to more than", problem.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_second_import_replaces_the_rows_of_the_clients_it_carries_and_no_one_elses()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");
        var (other, _) = await server.ClientForNewOrganizationAsync("import-other", "banking:write");
        var clientTwo = "client_code,name,status,city,date,category,amount,currency\n2,Данияр,премиум,Астана,2025-07-05 10:00:00,Кино,3000,KZT\n";
        var everything = () => CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients), ("client_1_transactions_3m.csv", CaseUpload.ClientOneTransactions),
            ("client_1_transfers_3m.csv", CaseUpload.ClientOneTransfers), ("client_2_transactions_3m.csv", clientTwo));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/banking/api/import", everything())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync("/banking/api/import", everything())).StatusCode);
        var otherBefore = await (await other.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync();
        var twoBefore = await (await client.GetAsync("/banking/api/clients/2")).Content.ReadAsStringAsync();
        var newRows = "client_code,name,status,city,date,category,amount,currency\n1,Айгерим,зп,Алматы,2025-08-01 10:00:00,АЗС,20000,KZT\n";

        var again = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("client_1_transactions_3m.csv", newRows)));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var one = await (await client.GetAsync("/banking/api/clients/1")).ReadJsonAsync();
        Assert.Equal(20000m, one.GetProperty("total_spending_3m").GetDecimal());
        Assert.Equal("АЗС", Assert.Single(one.GetProperty("top_categories").EnumerateArray()).GetProperty("category").GetString());
        Assert.Equal(twoBefore, await (await client.GetAsync("/banking/api/clients/2")).Content.ReadAsStringAsync());
        Assert.Equal(otherBefore, await (await other.GetAsync("/banking/api/clients/1")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Rows_for_an_unknown_client_are_refused()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");

        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("t.csv", CaseUpload.ClientOneTransactions)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("client_code 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("[]", await (await client.GetAsync("/banking/api/clients")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task A_body_that_is_not_a_form_is_refused_in_fastapi_shape()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:write");

        var response = await client.PostAsync("/banking/api/import", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("missing", (await response.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("type").GetString());
    }

    [DatabaseFact]
    public async Task A_read_only_key_cannot_import()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("import", "banking:read");

        var response = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"detail":"Not enough permissions"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("[]", await (await client.GetAsync("/banking/api/clients")).Content.ReadAsStringAsync());
    }
}
