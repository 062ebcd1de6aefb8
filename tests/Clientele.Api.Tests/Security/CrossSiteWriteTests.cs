using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Identity;
using Clientele.Testing;

namespace Clientele.Api.Tests.Security;

/// <summary>A write authenticated by the session cookie must come from this site; API-key callers are not affected.</summary>
public class CrossSiteWriteTests(DatabaseServers<SecurityServer> servers) : IClassFixture<DatabaseServers<SecurityServer>>
{
    private readonly SecurityServer server = servers.Current;

    public static TheoryData<string, string> CrossSiteHeaders => new()
    {
        { "Origin", "https://evil.example" },
        { "Origin", "null" },
        { "Origin", "http://localhost:8080" },
        { "Referer", "https://evil.example/page" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    [DatabaseTheory]
    [MemberData(nameof(CrossSiteHeaders))]
    public async Task A_cross_site_multipart_import_with_the_session_is_refused_and_imports_nothing(string header, string value)
    {
        var organization = await server.CreateOrganizationAsync("csrf-import");
        var (session, _) = await server.SessionAsync(organization, Role.Analyst);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/banking/api/import") { Content = CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await session.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Cross-site request refused", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("[]", await (await session.GetAsync("/banking/api/clients")).Content.ReadAsStringAsync());
    }

    [DatabaseTheory]
    [InlineData("/banking/api/recommendations/export")]
    [InlineData("/platform/api/jobs/00000000-0000-0000-0000-000000000001/cancel")]
    [InlineData("/platform/api/auth/logout")]
    public async Task Bodiless_cross_site_posts_with_the_session_are_refused(string path)
    {
        var organization = await server.CreateOrganizationAsync("csrf-bodiless");
        var (session, _) = await server.SessionAsync(organization, Role.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Origin", "https://evil.example");

        var response = await session.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/platform/api/me")).StatusCode);
    }

    [DatabaseTheory]
    [InlineData("Origin", "http://localhost")]
    [InlineData("Origin", "http://LOCALHOST:80")]
    [InlineData("Referer", "http://localhost/banking")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("X-Nothing", "no browser headers at all")]
    public async Task The_same_site_and_non_browser_clients_may_write(string header, string value)
    {
        var organization = await server.CreateOrganizationAsync("same-site");
        var (session, _) = await server.SessionAsync(organization, Role.Analyst);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/banking/api/import") { Content = CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await session.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [DatabaseFact]
    public async Task An_api_key_caller_from_any_origin_is_unaffected()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("key-origin", "banking:write");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/banking/api/import") { Content = CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)) };
        request.Headers.Add("Origin", "https://elsewhere.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }
}
