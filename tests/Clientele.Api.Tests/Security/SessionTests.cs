using System.Net;
using System.Net.Http.Json;
using Clientele.Platform.Identity;
using Clientele.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Api.Tests.Security;

/// <summary>A cookie session is checked against its user on every request: a deleted, disabled or demoted user is out at once, and logout ends it on the server.</summary>
public class SessionTests(DatabaseServers<SecurityServer> servers) : IClassFixture<DatabaseServers<SecurityServer>>
{
    private readonly SecurityServer server = servers.Current;

    [DatabaseFact]
    public async Task A_deleted_user_loses_the_session_at_the_next_request()
    {
        var organization = await server.CreateOrganizationAsync("deleted");
        var (session, email) = await server.SessionAsync(organization, Role.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/platform/api/me")).StatusCode);

        await server.ChangeUserAsync(email, (_, user) => user.ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/platform/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/banking/api/clients")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_demoted_admin_can_no_longer_manage_keys()
    {
        var organization = await server.CreateOrganizationAsync("demoted");
        var (session, email) = await server.SessionAsync(organization, Role.Admin);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/platform/api/keys")).StatusCode);

        await server.ChangeUserAsync(email, (_, user) => user.ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, Role.Viewer)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/platform/api/keys")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_user_moved_to_another_organization_loses_the_old_one()
    {
        var organization = await server.CreateOrganizationAsync("moved-from");
        var other = await server.CreateOrganizationAsync("moved-to");
        var (session, email) = await server.SessionAsync(organization, Role.Analyst);

        await server.ChangeUserAsync(email, (_, user) => user.ExecuteUpdateAsync(s => s.SetProperty(u => u.OrganizationId, other)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/banking/api/clients")).StatusCode);
    }

    [DatabaseFact]
    public async Task A_disabled_user_loses_the_session_and_cannot_sign_in_again()
    {
        var organization = await server.CreateOrganizationAsync("disabled");
        var (session, email) = await server.SessionAsync(organization, Role.Analyst);

        await server.ChangeUserAsync(email, (_, user) => user.ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/platform/api/me")).StatusCode);
        var again = await session.PostAsJsonAsync("/platform/api/auth/login", new { email, password = SecurityServer.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [DatabaseFact]
    public async Task After_logout_a_copied_session_cookie_no_longer_works()
    {
        var organization = await server.CreateOrganizationAsync("logout");
        var email = $"logout-{Guid.NewGuid():N}@example.kz";
        await server.CreateUserAsync(organization, email, SecurityServer.Password, Role.Analyst);
        var browser = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var login = await browser.PostAsJsonAsync("/platform/api/auth/login", new { email, password = SecurityServer.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("clientele.session=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(cookie, HttpMethod.Get, "/platform/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await WithCookie(cookie, HttpMethod.Post, "/platform/api/auth/logout")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(cookie, HttpMethod.Get, "/platform/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(cookie, HttpMethod.Get, "/banking/api/clients")).StatusCode);
        var fresh = await server.SessionAsync(organization, Role.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Client.GetAsync("/platform/api/me")).StatusCode);
    }

    private async Task<HttpResponseMessage> WithCookie(string cookie, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);
    }
}
