using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Churn;

/// <summary>CSV import of customers: both layouts, update by e-mail, bad rows by line with nothing stored, and the job's result.</summary>
public sealed class ChurnImportTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private readonly ChurnServer server = servers.Current;

    private const string ApiCsv = """
        name,email,phone,age,tenure,balance,products,credit_card,active,salary,churned,churn_date
        Айгерим Ахметова,aigerim@mail.kz,+7 701 555 12 34,29,3,1500000,2,true,true,9000000,false,
        "Нурлан Серик, ИП",nurlan@mail.kz,,52,7,0,3,false,false,12000000,true,2026-03-01
        """;

    [DatabaseFact]
    public async Task The_apis_own_columns_import_as_a_job_and_a_second_import_updates_by_email()
    {
        var admin = await ChurnAuth.NewUserAsync(server);

        var first = await JobResultAsync(admin.Client, await PostCsvAsync(admin.Client, ApiCsv));
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        Assert.Equal("api", first.GetProperty("layout").GetString());
        var changed = ApiCsv.Replace(",29,3,", ",30,4,", StringComparison.Ordinal);
        var second = await JobResultAsync(admin.Client, await PostCsvAsync(admin.Client, changed));

        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(2, second.GetProperty("updated").GetInt32());
        var list = await (await admin.Client.GetAsync("/churn/api/customers/?search=aigerim")).ReadJsonAsync();
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        var aigerim = list.GetProperty("results")[0];
        Assert.Equal(30, aigerim.GetProperty("age").GetInt32());
        Assert.Equal(4, aigerim.GetProperty("tenure").GetInt32());
        var nurlan = (await (await admin.Client.GetAsync("/churn/api/customers/?search=nurlan")).ReadJsonAsync()).GetProperty("results")[0];
        Assert.Equal("Нурлан Серик, ИП", nurlan.GetProperty("name").GetString());
        Assert.True(nurlan.GetProperty("churned").GetBoolean());
        Assert.Equal("2026-03-01", nurlan.GetProperty("churn_date").GetString());
    }

    [DatabaseFact]
    public async Task A_file_with_bad_rows_is_refused_by_line_and_nothing_is_stored_unless_partial()
    {
        var admin = await ChurnAuth.NewUserAsync(server);
        var bad = ApiCsv + "\nБаурыжан,bauyrzhan@mail.kz,,abc,1,0,1,true,true,1\nДинара,not-an-email,,40,1,0,1,true,true,1\n";

        var refused = await PostCsvAsync(admin.Client, bad);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("line 4", body, StringComparison.Ordinal);
        Assert.Contains("age", body, StringComparison.Ordinal);
        Assert.Contains("line 5", body, StringComparison.Ordinal);
        Assert.Contains("Enter a valid email address.", body, StringComparison.Ordinal);
        Assert.Equal(0, (await (await admin.Client.GetAsync("/churn/api/customers/")).ReadJsonAsync()).GetProperty("count").GetInt32());

        var partial = await JobResultAsync(admin.Client, await PostCsvAsync(admin.Client, bad, "?partial=true"));

        Assert.Equal(2, partial.GetProperty("created").GetInt32());
        Assert.Equal([4, 5], partial.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("line").GetInt32()));
        Assert.Equal(2, (await (await admin.Client.GetAsync("/churn/api/customers/")).ReadJsonAsync()).GetProperty("count").GetInt32());
    }

    [DatabaseFact]
    public async Task Odd_uploads_are_400_in_the_churn_shape()
    {
        var admin = await ChurnAuth.NewUserAsync(server);
        var cases = new HttpContent[]
        {
            new StringContent("", Encoding.UTF8, "text/csv"),
            new StringContent("a,b,c\n1,2,3\n", Encoding.UTF8, "text/csv"),
            new ByteArrayContent([0xff, 0xfe, 0x00, 0x41]) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        foreach (var content in cases)
        {
            var response = await admin.Client.PostAsync("/churn/api/customers/import/", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ReadJsonAsync()).TryGetProperty("error", out _));
        }
        var viewer = await ChurnAuth.NewUserAsync(server, "viewer", admin.OrganizationId);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCsvAsync(viewer.Client, ApiCsv)).StatusCode);
    }

    [DatabaseFact]
    public async Task Churn_modelling_imports_as_it_is_with_its_outcome()
    {
        Skip.If(SharedData.Folder("churn") is not { } folder || !File.Exists(Path.Combine(folder, "Churn_Modelling.csv")),
            "../shared/data/churn/Churn_Modelling.csv is absent");
        var admin = await ChurnAuth.NewUserAsync(server);
        var csv = await File.ReadAllTextAsync(Path.Combine(SharedData.Folder("churn")!, "Churn_Modelling.csv"));
        using var form = new MultipartFormDataContent { { new StringContent(csv), "file", "Churn_Modelling.csv" } };

        var result = await JobResultAsync(admin.Client, await admin.Client.PostAsync("/churn/api/customers/import/", form), timeoutSeconds: 240);

        Assert.Equal("Churn_Modelling", result.GetProperty("layout").GetString());
        Assert.Equal(10_000, result.GetProperty("created").GetInt32());
        var first = (await (await admin.Client.GetAsync("/churn/api/customers/?search=15634602")).ReadJsonAsync()).GetProperty("results")[0];
        Assert.Equal("Hargrave", first.GetProperty("name").GetString());
        Assert.Equal("hargrave.15634602@churn-modelling.example", first.GetProperty("email").GetString());
        Assert.Equal(42, first.GetProperty("age").GetInt32());
        Assert.True(first.GetProperty("churned").GetBoolean());
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string csv, string query = "") =>
        client.PostAsync($"/churn/api/customers/import/{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JsonElement> JobResultAsync(HttpClient client, HttpResponseMessage accepted, int timeoutSeconds = 60)
    {
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"{(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        var location = accepted.Headers.Location!.ToString();
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var job = await (await client.GetAsync(location)).ReadJsonAsync();
            var status = job.GetProperty("status").GetString();
            if (status == "succeeded")
            {
                return job.GetProperty("result");
            }
            Assert.True(status is "queued" or "running", job.ToString());
            await Task.Delay(100);
        }
        throw new TimeoutException($"The import job at {location} did not finish in {timeoutSeconds} s");
    }
}
