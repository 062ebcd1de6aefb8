using System.Net;
using Clientele.Platform.Identity;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Api.Tests.Security;

/// <summary>A cookie session is checked against its user on every request: a deleted or demoted user is out at once.</summary>
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
}
