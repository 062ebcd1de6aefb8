using System.Net;
using System.Net.Http.Json;
using Clientele.Platform.Identity;
using Clientele.Testing;

namespace Clientele.Api.Tests.Security;

/// <summary>Both sign-in paths hash even for unknown e-mails, share the per-IP login limit, and never fail on odd return URLs.</summary>
public sealed class LoginTests(SqliteSecurityServer server) : IClassFixture<SqliteSecurityServer>
{
    [Fact]
    public async Task An_unknown_email_costs_a_hash_check_like_a_wrong_password()
    {
        var organization = await server.CreateOrganizationAsync("timing");
        var email = $"known-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, SecurityServer.Password, Role.Viewer);
        var client = server.CreateClient();

        var before = server.Hasher.Verifications;
        var unknown = await client.PostAsJsonAsync("/platform/api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.kz", password = "whatever it is" });
        var afterUnknown = server.Hasher.Verifications;
        var wrong = await client.PostAsJsonAsync("/platform/api/auth/login", new { email, password = "whatever it is" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());
        Assert.True(afterUnknown - before >= 1, "an unknown e-mail was answered without a hash check");
        Assert.True(server.Hasher.Verifications - afterUnknown >= 1);
    }

    [Fact]
    public async Task The_dashboard_form_hashes_for_an_unknown_email_too()
    {
        var client = server.CreateClient();
        var form = await SecurityServer.HiddenFieldsAsync(client, "/login");
        form["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.kz";
        form["Input.Password"] = "whatever it is";

        var before = server.Hasher.Verifications;
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid email or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(server.Hasher.Verifications - before >= 1, "an unknown e-mail was answered without a hash check");
    }

    [Fact]
    public async Task The_dashboard_form_shares_the_per_ip_login_limit_with_the_json_login()
    {
        var limited = new SecurityServer(DatabaseKind.Sqlite);
        limited.Settings["Clientele:RateLimits:Modules:platform:Policies:login:PermitLimit"] = "3";
        try
        {
            await limited.InitializeAsync();
            var client = limited.CreateClient();
            var form = await SecurityServer.HiddenFieldsAsync(client, "/login");
            form["Input.Email"] = "nobody@example.kz";
            form["Input.Password"] = "wrong password";

            var json = await client.PostAsJsonAsync("/platform/api/auth/login", new { email = "nobody@example.kz", password = "wrong password" });
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
            {
                statuses.Add((await client.PostAsync("/login", new FormUrlEncodedContent(form))).StatusCode);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/platform/api/auth/login", new { email = "x@example.kz", password = "y" })).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)limited).DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/jobs\u00e9")]
    [InlineData("/\u0436\u043e\u0431")]
    [InlineData("/ /evil.example")]
    public async Task A_return_url_with_a_tab_space_or_non_ascii_character_lands_on_the_home_page(string returnUrl)
    {
        var organization = await server.CreateOrganizationAsync("return-url");
        var email = $"return-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, SecurityServer.Password, Role.Viewer);
        var client = server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var path = "/login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await SecurityServer.HiddenFieldsAsync(client, path);
        form["Input.Email"] = email;
        form["Input.Password"] = SecurityServer.Password;

        var response = await client.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery);
    }
}
