using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Bulk CSV import as a durable job: seed 001's files as they are, bad files (nothing stored), clashes, replace, isolation.</summary>
public sealed class RetailImportTests(DatabaseServers<RetailServer> servers) : IClassFixture<DatabaseServers<RetailServer>>
{
    private readonly RetailServer server = servers.Current;
    private static readonly string[] Resources = ["products", "customers", "timeframe", "transactions", "sales"];

    private const string Products = "product_sku,product_name,category,brand,price\n2001,Рис девзира,Бакалея,Девзира,1450\n2002,Сахар,Бакалея,Цесна,520\n";
    private const string Customers =
        "customer_id,first_name,last_name,gender,age,dob,phone,email,city,income_level,shopping_preference,customer_segment\n" +
        "7,Жасур,Каримов,Male,41,1984-01-02,+998 90 123 45 67,jasur@mail.uz,Ташкент,Medium,Бюджетные покупки,Regular\n";
    private const string Timeframe = "time_id,date,day,month,year\n3,2025-06-03,3,6,2025\n";
    private const string Transactions = "transaction_id,customer_id,time_id,transaction_amount,channel,payment_type\n11,7,3,1970,Store,Cash\n";
    private const string Sales = "sale_id,transaction_id,product_sku,quantity,unit_price,line_total\n21,11,2001,1,1450,1450\n22,11,2002,1,520,520.0\n";

    private async Task<JsonElement> ImportAsync(HttpClient client, MultipartFormDataContent content, string query = "")
    {
        var response = await client.PostAsync($"/retail/api/import/{query}", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJsonAsync();
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var job = await JobsServer.WaitForJobAsync(client, accepted.GetProperty("task_id").GetString()!, JobsServer.IsFinished);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal("retail.import", job.GetProperty("kind").GetString());
        return job.GetProperty("result");
    }

    private static async Task<int> CountAsync(HttpClient client, string resource)
    {
        var count = 0;
        for (var skip = 0; ; skip += 1000)
        {
            var page = (await (await client.GetAsync($"/retail/api/{resource}/?skip={skip}&limit=1000")).ReadJsonAsync()).GetArrayLength();
            count += page;
            if (page < 1000)
            {
                return count;
            }
        }
    }

    [DatabaseFact]
    public async Task The_clustr_seed_files_import_as_they_are_with_their_ids()
    {
        var folder = Path.Combine(SharedData.Require("baskets"), "clustr_seed");
        Skip.If(!File.Exists(Path.Combine(folder, "sales.csv")), "../shared/data/baskets/clustr_seed is absent.");
        var (client, _) = await server.ClientForNewOrganizationAsync("seed-import", "retail:write");
        var files = Resources.Select(r => Path.Combine(folder, $"{r}.csv")).ToList();
        var rows = files.Select(f => File.ReadLines(f).Skip(1).Count(l => l.Length > 0)).ToList();

        var result = await ImportAsync(client, CaseUpload.FromFolder(folder));

        Assert.Equal("imported", result.GetProperty("status").GetString());
        Assert.Equal("""["baseline_rules.csv"]""", result.GetProperty("skipped").GetRawText());
        for (var i = 0; i < Resources.Length; i++)
        {
            Assert.Equal(rows[i], result.GetProperty("imported").GetProperty(Resources[i]).GetInt32());
            Assert.Equal(rows[i], await CountAsync(client, Resources[i]));
        }
        var first = File.ReadLines(files[1]).Skip(1).First().Split(',');
        var customer = await (await client.GetAsync($"/retail/api/customers/{first[0]}")).ReadJsonAsync();
        Assert.Equal((first[1], first[6], first[7]), (customer.GetProperty("first_name").GetString(), customer.GetProperty("phone").GetString(), customer.GetProperty("email").GetString()));
        var sale = File.ReadLines(files[4]).Skip(1).First().Split(',');
        Assert.Equal(decimal.Parse(sale[5], System.Globalization.CultureInfo.InvariantCulture),
            (await (await client.GetAsync($"/retail/api/sales/{sale[0]}")).ReadJsonAsync()).GetProperty("line_total").GetDecimal());
    }

    [DatabaseFact]
    public async Task A_zip_imports_too_and_new_rows_continue_the_imported_numbering()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("zip-import", "retail:write");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("products.csv", Products), ("customers.csv", Customers), ("timeframe.csv", Timeframe), ("transactions.csv", Transactions), ("sales.csv", Sales) })
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        var result = await ImportAsync(client, CaseUpload.Files([("retail.zip", zip.ToArray())]));

        Assert.Equal("""{"products":2,"customers":1,"timeframe":1,"transactions":1,"sales":2}""", result.GetProperty("imported").GetRawText());
        var product = await RetailRows.PostAsync(client, "products", new { product_name = "Новый", category = "c", brand = "b", price = 1 });
        Assert.Equal(2003, product.GetProperty("product_sku").GetInt32());
        Assert.Equal(1970m, (await (await client.GetAsync("/retail/api/transactions/11")).ReadJsonAsync()).GetProperty("transaction_amount").GetDecimal());
        // The imported lines count in the amount rule: 1970 paid, 1970 in lines, room for 1970 more at a 50 % discount.
        var over = await client.PostAsync("/retail/api/sales/", JsonContent(new { transaction_id = 11, product_sku = 2001, quantity = 2, unit_price = 1000 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);

    public static TheoryData<string, string, string, int> BadFiles => new()
    {
        { "products.csv", Products + "2003,,Бакалея,Цесна,10\n", "products.csv", 4 },
        { "products.csv", Products + "2003,Соль,Бакалея,Цесна,cheap\n", "products.csv", 4 },
        { "products.csv", Products + "2001,Соль,Бакалея,Цесна,10\n", "products.csv", 4 },
        { "customers.csv", Customers.Replace("Male,41", "Robot,41"), "customers.csv", 2 },
        { "customers.csv", Customers.Replace("1984-01-02", "02.01.1984"), "customers.csv", 2 },
        { "timeframe.csv", Timeframe.Replace("3,2025-06-03,3", "3,2025-06-03,4"), "timeframe.csv", 2 },
        { "transactions.csv", Transactions.Replace("11,7,3", "11,8,3"), "transactions.csv", 2 },
        { "transactions.csv", Transactions.Replace("Store", "Teleport"), "transactions.csv", 2 },
        { "transactions.csv", Transactions.Replace("1970", "900"), "transactions.csv", 2 },
        { "sales.csv", Sales.Replace("21,11,2001", "21,11,9999"), "sales.csv", 2 },
        { "sales.csv", Sales.Replace("520.0", "521"), "sales.csv", 3 },
        { "sales.csv", Sales + "23,11,2001,0,1450\n", "sales.csv", 4 },
        { "sales.csv", "sale_id,transaction_id,quantity\n1,1,1\n", "sales.csv", 1 },
        { "empty.csv", "", "empty.csv", 1 },
        { "products.csv", "hello,world\n1,2\n", "sales.csv", 2 },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_stores_nothing_and_the_result_names_the_file_and_line(string replaced, string text, string file, int line)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bad-import", "retail:write");
        var files = new Dictionary<string, string>
        {
            ["products.csv"] = Products, ["customers.csv"] = Customers, ["timeframe.csv"] = Timeframe, ["transactions.csv"] = Transactions, ["sales.csv"] = Sales,
        };
        files[replaced] = text;

        var result = await ImportAsync(client, CaseUpload.FromText(files.Select(f => (f.Key, f.Value)).ToArray()));

        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("imported").ValueKind);
        var problems = result.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("file").GetString() == file && p.GetProperty("line").GetInt32() == line);
        foreach (var resource in Resources)
        {
            Assert.Equal("[]", await RetailRows.ListAsync(client, resource));
        }
    }

    [DatabaseFact]
    public async Task Files_that_are_no_table_are_skipped_but_an_import_of_only_such_files_is_rejected()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("only-notes", "retail:write");

        var result = await ImportAsync(client, CaseUpload.FromText(("notes.csv", "hello,world\n1,2\n")));

        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal("""["notes.csv"]""", result.GetProperty("skipped").GetRawText());
        Assert.Equal(1, result.GetProperty("problem_count").GetInt32());
    }

    [DatabaseFact]
    public async Task Appending_ids_already_stored_is_refused_and_replace_swaps_everything()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("replace", "retail:write");
        await ImportAsync(client, CaseUpload.FromText(("products.csv", Products)));
        await RetailRows.PostAsync(client, "products", new { product_name = "Своя", category = "c", brand = "b", price = 1 });

        var clash = await ImportAsync(client, CaseUpload.FromText(("products.csv", Products)));
        var replaced = await ImportAsync(client, CaseUpload.FromText(("products.csv", Products)), "?mode=replace");

        Assert.Equal("rejected", clash.GetProperty("status").GetString());
        Assert.Equal(2, clash.GetProperty("problem_count").GetInt32());
        Assert.Equal("imported", replaced.GetProperty("status").GetString());
        Assert.Equal(new[] { 2001, 2002 }, (await (await client.GetAsync("/retail/api/products/")).ReadJsonAsync()).EnumerateArray().Select(p => p.GetProperty("product_sku").GetInt32()));
    }

    [DatabaseTheory]
    [InlineData("text/plain", "?mode=append")]
    [InlineData("multipart", "?mode=merge")]
    [InlineData("multipart-txt", "")]
    [InlineData("multipart-badzip", "")]
    public async Task An_upload_that_cannot_be_an_import_is_422_at_once_and_queues_nothing(string kind, string query)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("bad-upload", "retail:write");
        HttpContent content = kind switch
        {
            "text/plain" => new StringContent(Products),
            "multipart-txt" => CaseUpload.FromText(("notes.txt", "x")),
            "multipart-badzip" => CaseUpload.Files([("data.zip", "not a zip"u8.ToArray())]),
            _ => CaseUpload.FromText(("products.csv", Products)),
        };

        var response = await client.PostAsync($"/retail/api/import/{query}", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.ReadJsonAsync()).GetProperty("detail").ValueKind);
        Assert.Equal("[]", await client.GetStringAsync("/platform/api/jobs/"));
    }

    [DatabaseFact]
    public async Task Another_organization_cannot_see_the_import_job_or_its_rows()
    {
        var (owner, _) = await server.ClientForNewOrganizationAsync("import-owner", "retail:write");
        var (other, _) = await server.ClientForNewOrganizationAsync("import-other", "retail:write");
        var response = await owner.PostAsync("/retail/api/import/", CaseUpload.FromText(("products.csv", Products)));
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await JobsServer.WaitForJobAsync(owner, id, JobsServer.IsFinished);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/platform/api/jobs/{id}")).StatusCode);
        Assert.Equal("[]", await RetailRows.ListAsync(other, "products"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/retail/api/products/2001")).StatusCode);
    }
}
