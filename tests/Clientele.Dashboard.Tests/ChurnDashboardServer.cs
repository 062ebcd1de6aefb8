using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Predictions;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Dashboard.Tests;

/// <summary>
/// The real server on Kestrel with the churn pages routed (until the server passes the churn assembly to the dashboard itself) and
/// two churn organizations, each with <see cref="ChurnBank.Customers"/> customers written straight to the database and a v1 trained
/// through the API with a <c>churn:write</c> key: "bank" (an admin and an analyst; extra history for customer 1) is only read by the
/// tests, "lab" (an admin) is trained again from the models page.
/// </summary>
public sealed class ChurnDashboardServer : ClienteleFactory
{
    public const string AdminEmail = "admin@churn-bank.test";
    public const string AnalystEmail = "analyst@churn-bank.test";
    public const string LabAdminEmail = "admin@churn-lab.test";
    public const string Password = "churn-password-1";

    public ChurnDashboardServer() : base(DatabaseKind.Sqlite)
    {
        Settings["Clientele:Auth:AnonymousInDevelopment"] = "false";
        Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        Settings["Clientele:Churn:SweepMinutes"] = "0";
        UseKestrel(0);
    }

    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; private set; } = null!;
    public Guid BankId { get; private set; }
    public Guid LabId { get; private set; }
    public string BankKey { get; private set; } = "";
    public string LabKey { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        try
        {
            await base.InitializeAsync();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException && e.Message.Contains("Kestrel", StringComparison.Ordinal))
        {
            // The base touches the in-memory TestServer, which a Kestrel-hosted factory does not have; the server is up.
        }
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromMinutes(5) };

        BankId = await CreateOrganizationAsync("churn-bank");
        LabId = await CreateOrganizationAsync("churn-lab");
        await CreateUserAsync(BankId, AdminEmail, Password, Role.Admin);
        await CreateUserAsync(BankId, AnalystEmail, Password, Role.Analyst);
        await CreateUserAsync(LabId, LabAdminEmail, Password, Role.Admin);
        BankKey = await CreateApiKeyAsync(BankId, "churn:write");
        LabKey = await CreateApiKeyAsync(LabId, "churn:write");

        await InsertAsync(BankId);
        await InsertAsync(LabId);
        await TrainAsync(BankKey);
        await TrainAsync(LabKey);
        await AddHistoryAsync(BankId, 1);
    }

    private async Task InsertAsync(Guid organization)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<ChurnDbContext>();
        db.Customers.AddRange(ChurnBank.Generate(DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>Five earlier scores of <paramref name="customerId"/> by v1, stored without factors as bulk scoring stores them, on five earlier days.</summary>
    private async Task AddHistoryAsync(Guid organization, int customerId)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var db = scope.ServiceProvider.GetRequiredService<ChurnDbContext>();
        var latest = await db.RiskHistory.AsNoTracking().Where(r => r.CustomerId == customerId).OrderByDescending(r => r.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        foreach (var (daysAgo, score) in new[] { (12, 0.21), (9, 0.34), (6, 0.48), (3, 0.62), (1, 0.55) })
        {
            var at = now.AddDays(-daysAgo);
            db.RiskHistory.Add(new RiskHistoryEntry
            {
                CustomerId = customerId, Score = score, Timestamp = at, Day = DateOnly.FromDateTime(at.UtcDateTime), ModelVersion = latest.ModelVersion,
                FeaturesJson = latest.FeaturesJson, FactorsJson = "[]", Source = RiskSources.Batch,
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Trains through the API and waits until the model answers /info/ and every job it caused (the scoring of everyone) has finished.</summary>
    public async Task TrainAsync(string key)
    {
        using (var accepted = await SendAsync(key, HttpMethod.Post, "/churn/api/model/train/"))
        {
            Assert.True((int)accepted.StatusCode == 202, $"train: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        }
        await UntilAsync(async () =>
        {
            using var info = await SendAsync(key, HttpMethod.Get, "/churn/api/model/info/");
            return info.IsSuccessStatusCode;
        });
        await IdleAsync(key);
    }

    /// <summary>Until no job of the organization is queued or running (and none failed).</summary>
    public async Task IdleAsync(string key) =>
        await UntilAsync(async () =>
        {
            var jobs = await JsonAsync(key, "/platform/api/jobs/");
            var failed = jobs.EnumerateArray().Where(j => j.GetProperty("status").GetString() == "failed").Select(j => j.ToString()).ToList();
            Assert.True(failed.Count == 0, string.Join('\n', failed));
            return jobs.EnumerateArray().All(j => j.GetProperty("status").GetString() is "succeeded" or "cancelled");
        });

    public async Task<JsonElement> JsonAsync(string key, string path)
    {
        using var response = await SendAsync(key, HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> SendAsync(string key, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, key);
        return await Http.SendAsync(request);
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "gave up waiting");
            await Task.Delay(200);
        }
    }
}

/// <summary>
/// A bank's customers, the same on every run: mostly with a known outcome, where age 45–60, three or more products and inactivity
/// make leaving likelier (so a model has something to learn), and a few whose outcome is not known yet.
/// </summary>
public static class ChurnBank
{
    public const int Customers = 240;
    public const int Unlabelled = 20;

    private static readonly string[] FirstNames = ["Айгерим", "Нурлан", "Данияр", "Жанар", "Ержан", "Асель", "Тимур", "Алия", "Шерзод", "Малика", "Рустам", "Зарина"];
    private static readonly string[] LastNames = ["Ахметов", "Сериков", "Касымов", "Омаров", "Каримов", "Рахимов", "Юсупов", "Алиев", "Назаров", "Султанов"];

    public static string Email(int index) => $"client{index.ToString("D3", CultureInfo.InvariantCulture)}@bank.kz";

    public static List<ChurnCustomer> Generate(DateTimeOffset now)
    {
        var random = new Random(20251205);
        var customers = new List<ChurnCustomer>(Customers);
        for (var i = 1; i <= Customers; i++)
        {
            var age = 20 + random.Next(50);
            var products = 1 + random.Next(4);
            var active = random.NextDouble() < 0.55;
            var odds = 0.08 + (age is >= 45 and <= 60 ? 0.3 : 0) + (products >= 3 ? 0.35 : 0) + (active ? 0 : 0.15);
            var churned = random.NextDouble() < odds;
            var customer = new ChurnCustomer
            {
                Name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                Email = Email(i),
                Phone = $"+7 701 {random.Next(100, 1000).ToString(CultureInfo.InvariantCulture)} {i.ToString("D4", CultureInfo.InvariantCulture)}",
                Age = age, Tenure = random.Next(11), Balance = Math.Round(random.NextDouble() < 0.3 ? 0 : random.NextDouble() * 250_000, 2), Products = products,
                CreditCard = random.NextDouble() < 0.7, Active = active, Salary = Math.Round(20_000 + random.NextDouble() * 180_000, 2),
                Churned = i > Customers - Unlabelled ? null : churned,
                CreatedAt = now, LastUpdated = now,
            };
            customer.IndexForSearch();
            customers.Add(customer);
        }
        return customers;
    }
}
