using System.Net;
using System.Net.Http.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Identity;
using Clientele.Testing;
using static Clientele.Api.Tests.Churn.ChurnAuth;

namespace Clientele.Api.Tests.Churn;

/// <summary>Organizations never see each other's customers or tokens: another organization's ids are 404 and its rows stay as they were.</summary>
public sealed class ChurnIsolationTests(DatabaseServers<ChurnServer> servers) : IClassFixture<DatabaseServers<ChurnServer>>
{
    private readonly ChurnServer server = servers.Current;

    [DatabaseFact]
    public async Task Another_organizations_customers_are_404_for_get_put_and_delete_absent_from_its_list_and_unchanged()
    {
        var owner = await NewUserAsync(server, Role.Admin);
        var other = await NewUserAsync(server, Role.Admin);
        var (otherKey, otherKeyOrganization) = await server.ClientForNewOrganizationAsync("churn-other-key", "churn:write");
        var ids = new[]
        {
            await ChurnRows.CreateIdAsync(owner.Client, ChurnRows.Customer("Айгерим Ахметова", "aigerim@mail.kz")),
            await ChurnRows.CreateIdAsync(owner.Client, ChurnRows.Customer("Болат Серіков", "bolat@mail.kz")),
        };
        var mine = await ChurnRows.CreateIdAsync(other.Client, ChurnRows.Customer("Свой Клиент", "own@mail.kz"));
        var before = await ChurnRows.ListAsync(owner.Client);
        var otherBefore = await ChurnRows.ListAsync(other.Client);

        foreach (var client in new[] { other.Client, otherKey })
        {
            foreach (var id in ids)
            {
                var path = $"{ChurnRows.Path}{id}/";
                await AssertOnlyErrorAsync(await client.GetAsync(path), HttpStatusCode.NotFound, "Resource not found");
                await AssertOnlyErrorAsync(await client.PutAsJsonAsync(path, ChurnRows.Customer("Захвачен", "taken@mail.kz")), HttpStatusCode.NotFound, "Resource not found");
                await AssertOnlyErrorAsync(await client.DeleteAsync(path), HttpStatusCode.NotFound, "Resource not found");
            }
            var search = await ChurnRows.PageAsync(client, "?search=%D0%B0%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC");
            Assert.Equal(0, search.GetProperty("count").GetInt32());
        }

        var otherList = await ChurnRows.PageAsync(other.Client, "?page_size=100");
        Assert.Equal(1, otherList.GetProperty("count").GetInt32());
        Assert.Equal(mine, otherList.GetProperty("results")[0].GetProperty("id").GetInt32());
        Assert.Equal(0, (await ChurnRows.PageAsync(otherKey, "")).GetProperty("count").GetInt32());
        Assert.Equal(before, await ChurnRows.ListAsync(owner.Client));
        Assert.Equal(otherBefore, await ChurnRows.ListAsync(other.Client));
        var ownerList = await ChurnRows.PageAsync(owner.Client, "");
        Assert.Equal(ids, ownerList.GetProperty("results").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal(["Айгерим Ахметова", "Болат Серіков"], ChurnRows.Names(ownerList));
        Assert.NotEqual(owner.OrganizationId, otherKeyOrganization);
    }

    [DatabaseFact]
    public async Task The_same_email_in_two_organizations_is_two_customers()
    {
        var first = await NewUserAsync(server, Role.Admin);
        var second = await NewUserAsync(server, Role.Admin);

        var a = await ChurnRows.CreateAsync(first.Client, ChurnRows.Customer("Первая Организация", "shared@mail.kz"));
        var b = await ChurnRows.CreateAsync(second.Client, ChurnRows.Customer("Вторая Организация", "shared@mail.kz"));

        Assert.NotEqual(a.GetProperty("id").GetInt32(), b.GetProperty("id").GetInt32());
        Assert.Equal(["Первая Организация"], ChurnRows.Names(await ChurnRows.PageAsync(first.Client, "")));
        Assert.Equal(["Вторая Организация"], ChurnRows.Names(await ChurnRows.PageAsync(second.Client, "")));
        Assert.Equal(HttpStatusCode.NoContent, (await second.Client.DeleteAsync($"{ChurnRows.Path}{b.GetProperty("id").GetInt32()}/")).StatusCode);
        Assert.Equal("Первая Организация", (await (await first.Client.GetAsync($"{ChurnRows.Path}{a.GetProperty("id").GetInt32()}/")).ReadJsonAsync())
            .GetProperty("name").GetString());
    }

    [DatabaseFact]
    public async Task A_refresh_token_of_one_organization_never_yields_tokens_of_another()
    {
        var first = await NewUserAsync(server, Role.Admin);
        var second = await NewUserAsync(server, Role.Viewer);
        var id = await ChurnRows.CreateIdAsync(first.Client, ChurnRows.Customer("Тайный", "secret@mail.kz"));

        // The second organization's refresh payload pointing at the first organization, signed with its own key.
        var forged = WithPayload(second.Refresh, p => p.Replace(second.OrganizationId.ToString(), first.OrganizationId.ToString()));
        await AssertErrorAsync(await RefreshAsync(server.CreateClient(), forged), HttpStatusCode.Unauthorized, "Token is invalid or expired");

        var response = await RefreshAsync(server.CreateClient(), second.Refresh);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var access = (await response.ReadJsonAsync()).GetProperty("access").GetString()!;
        Assert.Equal(second.OrganizationId.ToString(), Payload(access).GetProperty("org").GetString());
        await AssertOnlyErrorAsync(await server.WithBearer(access).GetAsync($"{ChurnRows.Path}{id}/"), HttpStatusCode.NotFound, "Resource not found");
    }
}
