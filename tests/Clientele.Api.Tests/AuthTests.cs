using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>Outside Development every module needs credentials: an API key with the right scope, or a user session.</summary>
public class ProductionAuthTests(DatabaseServers<ProductionServer> servers) : IClassFixture<DatabaseServers<ProductionServer>>
{
    private readonly ProductionServer server = servers.Current;

    [DatabaseFact]
    public async Task Without_credentials_banking_answers_401_in_its_shape()
    {
        var response = await server.CreateClient().GetAsync("/banking/api/clients");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"detail":"Not authenticated"}""", await response.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Churn_unknown_routes_use_the_churn_shape()
    {
        var response = await server.CreateClient().GetAsync("/churn/api/no-such-resource/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"Resource not found"}""", await response.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task A_wrong_or_revoked_key_is_401()
    {
        var organization = await server.CreateOrganizationAsync("keys");
        var key = await server.CreateApiKeyAsync(organization, "banking:read");
        Assert.Equal(HttpStatusCode.OK, (await server.WithApiKey(key).GetAsync("/banking/api/clients")).StatusCode);

        var tampered = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.WithApiKey(tampered).GetAsync("/banking/api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.WithApiKey("ck_nonsense").GetAsync("/banking/api/clients")).StatusCode);

        var admin = await AdminSessionAsync(organization);
        var listed = await (await admin.GetAsync("/platform/api/keys")).ReadJsonAsync();
        var id = listed[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/platform/api/keys/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.WithApiKey(key).GetAsync("/banking/api/clients")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_key_scoped_to_another_module_is_403()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("scopes", "retail:write");

        var response = await client.GetAsync("/banking/api/clients");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [DatabaseFact]
    public async Task An_admin_creates_a_key_shown_once_and_stored_hashed()
    {
        var organization = await server.CreateOrganizationAsync("keys");
        var admin = await AdminSessionAsync(organization);

        var created = await admin.PostAsJsonAsync("/platform/api/keys", new { name = "reporting", scopes = new[] { "banking:read" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        var key = body.GetProperty("key").GetString()!;
        Assert.StartsWith("ck_", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.WithApiKey(key).GetAsync("/banking/api/clients")).StatusCode);
        var listed = await (await admin.GetAsync("/platform/api/keys")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("prefix").GetString()!, listed, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Bad_scopes_are_refused_and_no_key_is_made()
    {
        var organization = await server.CreateOrganizationAsync("keys");
        var admin = await AdminSessionAsync(organization);

        var response = await admin.PostAsJsonAsync("/platform/api/keys", new { name = "x", scopes = new[] { "banking:delete", "nosuch:read" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(2, (await response.ReadJsonAsync()).GetProperty("detail").GetArrayLength());
        Assert.Equal("[]", await (await admin.GetAsync("/platform/api/keys")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task Viewers_and_analysts_cannot_manage_keys_and_viewers_cannot_import()
    {
        var organization = await server.CreateOrganizationAsync("roles");
        var viewer = await SessionAsync(organization, "viewer");
        var analyst = await SessionAsync(organization, "analyst");

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/platform/api/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/platform/api/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/banking/api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)))).StatusCode);
        Assert.Equal(2, (await (await viewer.GetAsync("/banking/api/clients")).ReadJsonAsync()).GetArrayLength());
    }

    [DatabaseFact]
    public async Task A_wrong_password_is_401_and_sets_no_session()
    {
        var organization = await server.CreateOrganizationAsync("login");
        var email = $"user-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, "right password", "admin");
        var client = server.CreateClient();

        var response = await client.PostAsJsonAsync("/platform/api/auth/login", new { email, password = "wrong password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"detail":"Invalid email or password"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/platform/api/me")).StatusCode);
    }

    private Task<HttpClient> AdminSessionAsync(Guid organization) => SessionAsync(organization, "admin");

    private async Task<HttpClient> SessionAsync(Guid organization, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, "long enough password", role);
        var client = server.CreateClient();
        var login = await client.PostAsJsonAsync("/platform/api/auth/login", new { email, password = "long enough password" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return client;
    }

}

/// <summary>In Development, modules whose seed had no auth answer anonymously for the default organization; the others still refuse.</summary>
public sealed class DevelopmentAnonymousTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [DatabaseFact]
    public async Task Banking_answers_without_credentials_as_the_default_organization()
    {
        var anonymous = server.CreateClient();

        var imported = await anonymous.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)));
        var (keyed, _) = await server.ClientForNewOrganizationAsync("other", "banking:read");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, (await (await anonymous.GetAsync("/banking/api/clients")).ReadJsonAsync()).GetArrayLength());
        Assert.Equal("[]", await (await keyed.GetAsync("/banking/api/clients")).Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task The_platform_still_needs_a_login()
    {
        var response = await server.CreateClient().GetAsync("/platform/api/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
