using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Churn;

/// <summary>
/// The real server with quick job polling and a login limit no test meets: every churn test logs in from the one test-server IP,
/// and the seed's 10 a minute would otherwise refuse them. <see cref="ChurnThrottledServer"/> keeps the seed's limit.
/// </summary>
public class ChurnServer : ClienteleFactory
{
    public ChurnServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        Settings["Clientele:Events:PollSeconds"] = "0.05";
        Settings["Clientele:RateLimits:Modules:churn:Policies:login:PermitLimit"] = "100000";
        // These tests check the product's behaviour, not the model's quality (Clientele.Churn.Tests does): a smaller forest trains faster.
        Settings["Clientele:Churn:Training:Trees"] = "60";
        Settings["Clientele:Churn:Training:Folds"] = "3";
        Settings["Clientele:Churn:Training:PermutationRepeats"] = "1";
    }
}

/// <summary>The real server with churn's built-in login limit (10 a minute per IP), for the throttle test alone.</summary>
public sealed class ChurnThrottledServer(DatabaseKind kind) : ClienteleFactory(kind);

/// <summary>A platform user of a churn organization, logged in through churn's JWT login, with a client that sends its access token.</summary>
public sealed record ChurnUser(Guid OrganizationId, Guid UserId, string Email, string Password, string Access, string Refresh, HttpClient Client);

public static class ChurnAuth
{
    public const string LoginPath = "/churn/api/auth/login/";
    public const string RefreshPath = "/churn/api/auth/refresh/";
    public const string LogoutPath = "/churn/api/auth/logout/";
    public const string Password = "correct horse battery";

    /// <summary>A new user of <paramref name="role"/> in a new organization (or in <paramref name="organizationId"/>), logged in.</summary>
    public static async Task<ChurnUser> NewUserAsync(ClienteleFactory server, string role = Role.Admin, Guid? organizationId = null)
    {
        var organization = organizationId ?? await server.CreateOrganizationAsync($"churn-{role}");
        var email = $"{role}-{Guid.NewGuid():N}@churn.kz";
        await server.CreateUserAsync(organization, email, Password, role);
        var response = await server.CreateClient().PostAsJsonAsync(LoginPath, new { username = email, password = Password });
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"login: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{string.Join('\n', server.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3))}");
        var (access, refresh) = await LoginAsync(server.CreateClient(), email, Password);
        return new ChurnUser(organization, await UserIdAsync(server, email), email, Password, access, refresh, server.WithBearer(access));
    }

    public static async Task<(string Access, string Refresh)> LoginAsync(HttpClient client, string username, string password)
    {
        var response = await client.PostAsJsonAsync(LoginPath, new { username, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.ReadJsonAsync();
        Assert.Equal(["access", "refresh"], body.EnumerateObject().Select(p => p.Name).Order());
        return (body.GetProperty("access").GetString()!, body.GetProperty("refresh").GetString()!);
    }

    public static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refresh) => client.PostAsJsonAsync(RefreshPath, new { refresh });

    public static async Task<Guid> UserIdAsync(ClienteleFactory server, string email)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Users.IgnoreQueryFilters().Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The JSON payload (second part) of a JWT, checking it has three non-empty base64url parts.</summary>
    public static JsonElement Payload(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.Matches("^[A-Za-z0-9_-]+$", p));
        return JsonDocument.Parse(Base64Url(parts[1])).RootElement.Clone();
    }

    public static byte[] Base64Url(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }

    public static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The same token with its payload rewritten and the original signature kept.</summary>
    public static string WithPayload(string jwt, Func<string, string> change)
    {
        var parts = jwt.Split('.');
        var payload = change(Encoding.UTF8.GetString(Base64Url(parts[1])));
        return $"{parts[0]}.{ToBase64Url(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    /// <summary>Asserts the churn error shape: the status, and a body whose <c>error</c> is <paramref name="error"/> (when given).</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? error = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Equal(JsonValueKind.String, body.GetProperty("error").ValueKind);
        if (error is not null)
        {
            Assert.Equal(error, body.GetProperty("error").GetString());
        }
        return body;
    }

    /// <summary>
    /// Asserts a 400 says <paramref name="field"/> is required, in <c>detail</c> and in <c>fields</c>. A field missing from the body is
    /// refused by the JSON reader ("Field required"), one sent empty or null by churn's own check (DRF's "This field is required.").
    /// </summary>
    public static void AssertRequired(JsonElement error, string field)
    {
        Assert.Equal("Invalid input", error.GetProperty("error").GetString());
        Assert.True(error.GetProperty("fields").TryGetProperty(field, out var messages), $"{field} not in {error}");
        var message = Assert.Single(messages.EnumerateArray()).GetString();
        Assert.Contains(message, new[] { "Field required", "This field is required." });
        Assert.Contains($"{field}: {message}", error.GetProperty("detail").GetString());
    }

    /// <summary>Asserts exactly <c>{"error": error}</c>.</summary>
    public static async Task AssertOnlyErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await AssertErrorAsync(response, status, error);
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
    }
}

/// <summary>Customers made through the API as a client of the seed would.</summary>
public static class ChurnRows
{
    public const string Path = "/churn/api/customers/";

    public static Dictionary<string, object?> Customer(string name, string email, string phone = "+7 701 555 12 34", int age = 35, int tenure = 5,
        double balance = 12500.5, int products = 2, bool creditCard = true, bool active = true, double salary = 85000) => new()
    {
        ["name"] = name, ["email"] = email, ["phone"] = phone, ["age"] = age, ["tenure"] = tenure, ["balance"] = balance,
        ["products"] = products, ["credit_card"] = creditCard, ["active"] = active, ["salary"] = salary,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string key, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [key] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> body, string key)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(key);
        return copy;
    }

    public static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<int> CreateIdAsync(HttpClient client, object body) => (await CreateAsync(client, body)).GetProperty("id").GetInt32();

    /// <summary>Everything the organization has, as the API lists it (the text, to compare before and after).</summary>
    public static Task<string> ListAsync(HttpClient client) => client.GetStringAsync($"{Path}?page_size=100");

    public static async Task<JsonElement> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"{Path}{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"list {query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static List<string> Names(JsonElement page) => page.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();

    /// <summary>Writes <paramref name="count"/> customers of <paramref name="organizationId"/> straight to the database (for page-size limits).</summary>
    public static async Task InsertAsync(ClienteleFactory server, Guid organizationId, int count, string prefix)
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<ChurnDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var customer = new ChurnCustomer
            {
                Name = $"{prefix} {i.ToString("D3", CultureInfo.InvariantCulture)}", Email = $"{prefix}{i}@bulk.kz", Phone = "+7 700 000 00 00",
                Age = 30, Tenure = 3, Balance = 100, Products = 1, CreditCard = true, Active = true, Salary = 1000, CreatedAt = now, LastUpdated = now,
            };
            customer.IndexForSearch();
            db.Customers.Add(customer);
        }
        await db.SaveChangesAsync();
    }
}
