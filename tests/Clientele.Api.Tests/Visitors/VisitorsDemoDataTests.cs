using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Platform;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Clientele.Visitors.Demo;
using Microsoft.Extensions.DependencyInjection;
using static Clientele.Api.Tests.Visitors.Visitors;

namespace Clientele.Api.Tests.Visitors;

/// <summary>The demo restaurant loads on both databases, every statistic shows it, and its camera key recognises a demo face.</summary>
public sealed class VisitorsDemoDataTests(DatabaseServers<VisitorsServer> servers) : IClassFixture<DatabaseServers<VisitorsServer>>
{
    private readonly VisitorsServer server = servers.Current;

    [DatabaseFact]
    public async Task The_demo_data_loads_and_the_persons_statistics_and_orders_answer_with_it()
    {
        var organization = await server.CreateOrganizationAsync("visitors-demo");
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var demo = scope.ServiceProvider.GetServices<IDemoData>().Single(d => d.Module == "visitors");
            Assert.True(await demo.IsEmptyAsync(scope.ServiceProvider, CancellationToken.None));
            await demo.FillAsync(scope.ServiceProvider, CancellationToken.None);
            Assert.False(await demo.IsEmptyAsync(scope.ServiceProvider, CancellationToken.None));
        }
        var client = server.WithApiKey(await server.CreateApiKeyAsync(organization, "visitors:read"));

        var page = await (await client.GetAsync($"{PersonsPath}?page_size=100")).ReadJsonAsync();
        Assert.Equal(VisitorsDemoData.PersonCount, page.GetProperty("count").GetInt32());
        var month = await (await client.GetAsync("/visitors/api/client/statistics/visit-count/?type=month")).ReadJsonAsync();
        Assert.True(month.EnumerateArray().Sum(point => point.GetProperty("value").GetInt32()) > VisitorsDemoData.PersonCount);
        foreach (var statistic in new[] { "gender", "age", "body-type", "emotion" })
        {
            Assert.True((await (await client.GetAsync($"/visitors/api/client/statistics/{statistic}/")).ReadJsonAsync()).GetArrayLength() > 0, statistic);
        }
        var named = page.GetProperty("results").EnumerateArray().First(person => person.GetProperty("full_name").GetString() is not null);
        var orders = await client.GetAsync($"{PersonPath}{named.GetProperty("id").GetString()}/orders/");
        Assert.Equal(HttpStatusCode.OK, orders.StatusCode);

        var camera = await server.CreateClient().PostAsync(PersonPath, Frame(VisitorsDemoData.CameraKey, new Faces(51).Identity(), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.OK, camera.StatusCode);
        Assert.Equal("created", (await camera.ReadJsonAsync()).GetProperty("decision").GetString());
    }
}
