using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Data;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Security;

/// <summary>In Development, a module whose seed had no auth answers callers without credentials, but a key that was sent and refused is a 401.</summary>
public sealed class DevelopmentKeyTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Theory]
    [InlineData("X-Api-Key", "ck_000000000000_bogus")]
    [InlineData("X-Api-Key", "not even a key")]
    [InlineData("Authorization", "Bearer ck_000000000000_bogus")]
    public async Task A_bogus_key_is_401_not_the_anonymous_caller(string header, string value)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);

        var read = await client.GetAsync("/banking/api/clients");
        var write = await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)));

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_401_not_the_anonymous_caller()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("revoked-dev", "banking:write");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/banking/api/clients")).StatusCode);
        using (var scope = server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ApiKeys.IgnoreQueryFilters()
                .Where(k => k.OrganizationId == organization).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTimeOffset.UtcNow));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/banking/api/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/banking/api/import", CaseUpload.FromText(("clients.csv", CaseUpload.TwoClients)))).StatusCode);
    }

    [Fact]
    public async Task Without_any_credentials_development_still_answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.CreateClient().GetAsync("/banking/api/clients")).StatusCode);
    }
}
