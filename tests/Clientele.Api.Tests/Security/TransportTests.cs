using System.Net;
using System.Net.Http.Json;
using Clientele.Platform.Identity;
using Clientele.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clientele.Api.Tests.Security;

/// <summary>Over HTTPS the session cookie is Secure and, outside Development, responses carry HSTS.</summary>
public sealed class TransportTests(SqliteSecurityServer server) : IClassFixture<SqliteSecurityServer>
{
    [Fact]
    public async Task Over_https_the_session_cookie_is_secure_and_hsts_is_sent()
    {
        var organization = await server.CreateOrganizationAsync("tls");
        var email = $"tls-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, SecurityServer.Password, Role.Viewer);
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://clientele.example"), HandleCookies = false });

        var login = await client.PostAsJsonAsync("/platform/api/auth/login", new { email, password = SecurityServer.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clientele.session=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_plain_http_the_cookie_is_not_secure_and_no_hsts_is_sent()
    {
        var organization = await server.CreateOrganizationAsync("plain");
        var email = $"plain-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, SecurityServer.Password, Role.Viewer);
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://clientele.example"), HandleCookies = false });

        var login = await client.PostAsJsonAsync("/platform/api/auth/login", new { email, password = SecurityServer.Password });

        Assert.DoesNotContain("; secure", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clientele.session=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Development_sends_no_hsts_even_over_https()
    {
        var development = new ClienteleFactory(DatabaseKind.Sqlite);
        try
        {
            await development.InitializeAsync();
            var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://clientele.example") });

            var response = await client.GetAsync("/health/live");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            await ((IAsyncLifetime)development).DisposeAsync();
        }
    }
}
