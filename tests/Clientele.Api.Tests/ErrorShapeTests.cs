using System.Net;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests;

/// <summary>Every failure answers in the shape of the module it belongs to.</summary>
public sealed class ErrorShapeTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Theory]
    [InlineData("/banking/api/nothing-here", """{"detail":"Not Found"}""")]
    [InlineData("/retail/api/nothing-here", """{"detail":"Not Found"}""")]
    [InlineData("/leads/api/nothing-here", """{"detail":"Not Found"}""")]
    [InlineData("/churn/api/nothing-here/", """{"error":"Resource not found"}""")]
    [InlineData("/visitors/api/client/nothing-here/", """{"error":"Not found"}""")]
    [InlineData("/nowhere", """{"detail":"Not Found"}""")]
    public async Task Unknown_routes_are_404_in_the_module_shape(string path, string body)
    {
        var response = await server.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_method_is_405()
    {
        var response = await server.CreateClient().DeleteAsync("/banking/api/clients/1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("""{"detail":"Method Not Allowed"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/platform/api/auth/login", """{"detail":"Method Not Allowed"}""")]
    [InlineData("/churn/api/auth/login/", """{"error":"Method not allowed"}""")]
    public async Task A_get_on_a_post_only_route_is_405_in_development_too(string path, string body)
    {
        var response = await server.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"email\": \"a@b.kz\", ", "json_invalid", "body")]
    [InlineData("{\"email\": 5, \"password\": \"x\"}", "type_error", "email")]
    [InlineData("{\"email\": \"a@b.kz\"}", "missing", "password")]
    [InlineData("{\"email\": null, \"password\": \"x\"}", "type_error", "email")]
    public async Task Unreadable_json_is_422_naming_the_field(string json, string type, string field)
    {
        var response = await server.CreateClient().PostAsync("/platform/api/auth/login", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(field, detail.GetProperty("loc").EnumerateArray().Last().ToString());
        Assert.Equal(type, detail.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(detail.GetProperty("msg").GetString()));
    }

    [Theory]
    [InlineData("/banking/api/recommend", """{"client_code":"abc"}""", "Input should be a valid integer")]
    [InlineData("/banking/api/recommend", """{"client_code":1.5}""", "Input should be a valid integer")]
    [InlineData("/banking/api/recommend", """{"client_code":true}""", "Input should be a valid integer")]
    [InlineData("/banking/api/recommend", """{"client_code":{}}""", "Input should be a valid integer")]
    [InlineData("/banking/api/recommend", """{"client_code":null}""", "Input should be a valid integer")]
    [InlineData("/banking/api/recommend", "[1]", "Input should be a valid dictionary or object")]
    [InlineData("/banking/api/recommendations/export", """{"top":"many"}""", "Input should be a valid integer")]
    [InlineData("/platform/api/auth/login", """{"email":5,"password":"x"}""", "Input should be a valid string")]
    [InlineData("/platform/api/auth/login", """{"email":null,"password":"x"}""", "Input should be a valid string")]
    [InlineData("/platform/api/webhooks", """{"url":"https://example.com","event_types":"job.updated"}""", "Input should be a valid list")]
    [InlineData("/platform/api/webhooks", """{"url":"https://example.com","active":"maybe"}""", "Input should be a valid boolean")]
    public async Task Type_errors_never_name_dotnet_types(string path, string json, string message)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("types", "*:write");

        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(message, (await response.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("msg").GetString());
        Assert.DoesNotMatch(@"System\.|Clientele\.|Microsoft\.|`\d|Int32|type '", body);
    }

    [Fact]
    public async Task A_missing_body_is_422()
    {
        var response = await server.CreateClient().PostAsync("/platform/api/auth/login", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_413_before_it_is_read()
    {
        var huge = new StringContent("{\"email\":\"" + new string('a', 2 << 20) + "\",\"password\":\"x\"}", Encoding.UTF8, "application/json");

        var response = await server.CreateClient().PostAsync("/platform/api/auth/login", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"detail":"Request body too large"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        var response = await server.CreateClient().PostAsync("/platform/api/auth/login", new StringContent("email=a", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_a_request_id()
    {
        var response = await server.CreateClient().GetAsync("/health/live");

        Assert.True(response.Headers.TryGetValues("X-Request-Id", out var ids));
        Assert.Matches("^[0-9a-f]{32}$", ids.Single());
    }
}

/// <summary>An unhandled exception is a 500 with a request id that is also in the log, and no stack trace.</summary>
public sealed class UnhandledExceptionTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_broken_database_gives_500_with_a_logged_request_id()
    {
        var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)))).StatusCode);
        using (var scope = server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<BankingDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE banking_client_features");
        }

        var response = await client.GetAsync("/banking/api/clients/1");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = await response.ReadJsonAsync();
        var requestId = body.GetProperty("request_id").GetString()!;
        Assert.Equal("Internal Server Error", body.GetProperty("detail").GetString());
        Assert.Equal(requestId, response.Headers.GetValues("X-Request-Id").Single());
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("banking_client_features", text, StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(requestId, StringComparison.Ordinal));
    }
}
