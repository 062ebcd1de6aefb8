using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Churn;

/// <summary>
/// Labelled customers made through the API, whose outcome follows the bank data's pattern (three or more products, age 45–60 and
/// inactivity raise the risk), training through the API, and polling of the jobs it starts.
/// </summary>
public static class ChurnTraining
{
    public const string InfoPath = "/churn/api/model/info/";
    public const string TrainPath = "/churn/api/model/train/";
    public const string VersionsPath = "/churn/api/model/versions/";
    public const string PredictPath = "/churn/api/predict/";
    public const string BatchPath = "/churn/api/predict/batch/";
    public const string DashboardPath = "/churn/api/monitoring/dashboard/";
    public const string AlertsPath = "/churn/api/monitoring/alerts/";

    public static readonly string[] FeatureNames = ["age", "tenure", "balance", "products", "credit_card", "active", "salary"];

    /// <summary>A new organization and a client calling with its <c>churn:write</c> key (which also reads <c>/platform/api/jobs</c>).</summary>
    public static async Task<(HttpClient Client, Guid OrganizationId)> NewOrganizationAsync(ClienteleFactory server, string slug) =>
        await server.ClientForNewOrganizationAsync(slug, "churn:write");

    /// <summary>One customer of the pattern, drawn from <paramref name="random"/>, with its outcome.</summary>
    public static Dictionary<string, object?> Labelled(Random random, string prefix, int index)
    {
        var age = random.Next(22, 75);
        var roll = random.NextDouble();
        var products = roll < 0.40 ? 1 : roll < 0.72 ? 2 : roll < 0.88 ? 3 : 4;
        var active = random.NextDouble() < 0.5;
        var tenure = random.Next(0, 11);
        var balance = random.NextDouble() < 0.3 ? 0 : Math.Round(random.NextDouble() * 200_000, 2);
        var creditCard = random.NextDouble() < 0.7;
        var salary = Math.Round(20_000 + random.NextDouble() * 180_000, 2);
        var logit = -2.5 + (products >= 3 ? 3.0 : 0) + (age is >= 45 and <= 60 ? 2.0 : 0) + (active ? 0 : 1.5);
        var churned = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        var customer = ChurnRows.Customer($"{prefix} {index.ToString("D3", CultureInfo.InvariantCulture)}", $"{prefix}{index}@train.kz",
            age: age, tenure: tenure, balance: balance, products: products, creditCard: creditCard, active: active, salary: salary);
        customer["churned"] = churned;
        return customer;
    }

    /// <summary>A customer of the riskiest profile (four products, 52, inactive) with no known outcome.</summary>
    public static Dictionary<string, object?> Risky(string name, string email) =>
        ChurnRows.Customer(name, email, age: 52, tenure: 2, balance: 90_000, products: 4, creditCard: true, active: false, salary: 60_000);

    /// <summary>A customer of the safest profile (two products, 30, active) with no known outcome.</summary>
    public static Dictionary<string, object?> Safe(string name, string email) =>
        ChurnRows.Customer(name, email, age: 30, tenure: 6, balance: 0, products: 2, creditCard: true, active: true, salary: 120_000);

    /// <summary>Creates <paramref name="count"/> labelled customers (seeded), returning their ids and outcomes in order.</summary>
    public static async Task<List<(int Id, bool Churned)>> CreateLabelledAsync(HttpClient client, int count = 300, int seed = 2025, string prefix = "train")
    {
        var random = new Random(seed);
        var made = new List<(int, bool)>(count);
        for (var index = 0; index < count; index++)
        {
            var body = Labelled(random, prefix, index);
            made.Add((await ChurnRows.CreateIdAsync(client, body), (bool)body["churned"]!));
        }
        return made;
    }

    /// <summary>POST train, asserting 202.</summary>
    public static async Task<(JsonElement Body, string Location)> StartTrainingAsync(HttpClient client)
    {
        var response = await client.PostAsync(TrainPath, null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"train: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync(), response.Headers.Location!.OriginalString);
    }

    /// <summary>Trains and waits until the training and the re-scoring it starts are both done; the training task's final status.</summary>
    public static async Task<JsonElement> TrainAsync(HttpClient client)
    {
        var (body, _) = await StartTrainingAsync(client);
        var done = await PollAsync(client, $"{TrainPath}{body.GetProperty("task_id").GetString()}/");
        Assert.True(done.GetProperty("status").GetString() == "succeeded", $"training: {done}");
        await WaitForScoringAsync(client);
        return done;
    }

    /// <summary>GETs a task status until it is finished; a generous timeout only ends a test that would hang.</summary>
    public static async Task<JsonElement> PollAsync(HttpClient client, string path, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.ReadJsonAsync();
            if (body.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled")
            {
                return body;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out polling {path}: {body}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until no churn scoring job of the caller's organization is queued or running, and asserts none failed.</summary>
    public static async Task<List<JsonElement>> WaitForScoringAsync(HttpClient client, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var jobs = (await (await client.GetAsync("/platform/api/jobs?limit=500")).ReadJsonAsync()).EnumerateArray()
                .Where(j => j.GetProperty("kind").GetString() == "churn.scoring").ToList();
            if (jobs.All(j => j.GetProperty("status").GetString() is "succeeded" or "failed" or "cancelled"))
            {
                Assert.All(jobs, j => Assert.True(j.GetProperty("status").GetString() == "succeeded", $"scoring job: {j}"));
                return jobs;
            }
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the churn scoring jobs");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Every customer the caller sees, following the list's <c>next</c> links.</summary>
    public static async Task<List<JsonElement>> AllCustomersAsync(HttpClient client)
    {
        var all = new List<JsonElement>();
        string? next = $"{ChurnRows.Path}?page_size=100";
        while (next is not null)
        {
            var page = await GetJsonAsync(client, next);
            all.AddRange(page.GetProperty("results").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return all;
    }

    public static Task<JsonElement> CustomerAsync(HttpClient client, int id) => GetJsonAsync(client, $"{ChurnRows.Path}{id}/");

    public static async Task<JsonElement> PredictAsync(HttpClient client, int id)
    {
        var response = await client.PostAsJsonAsync(PredictPath, new { customer_id = id });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"predict {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    /// <summary>Every alert the caller can list with <paramref name="query"/> (all pages).</summary>
    public static async Task<List<JsonElement>> AlertsAsync(HttpClient client, string query = "")
    {
        var all = new List<JsonElement>();
        string? next = $"{AlertsPath}?page_size=100{(query.Length > 0 ? "&" + query : "")}";
        while (next is not null)
        {
            var page = await GetJsonAsync(client, next);
            all.AddRange(page.GetProperty("results").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return all;
    }

    /// <summary>How many rows the trainer holds out: a fifth of each class, rounded half away from zero.</summary>
    public static int HoldOut(int churned, int stayed) =>
        (int)Math.Round(churned * 0.2, MidpointRounding.AwayFromZero) + (int)Math.Round(stayed * 0.2, MidpointRounding.AwayFromZero);
}
