using Clientele.Api.Tests.Support;
using Clientele.Platform;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Leads;

/// <summary>The generated demo data loads on both databases and every endpoint answers with something real.</summary>
public sealed class LeadsDemoDataTests(DatabaseServers<ClienteleFactory> servers) : IClassFixture<DatabaseServers<ClienteleFactory>>
{
    private readonly ClienteleFactory server = servers.Current;

    [DatabaseFact]
    public async Task The_demo_data_loads_and_every_endpoint_answers_with_it()
    {
        var organization = await server.CreateOrganizationAsync("leads-demo");
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var demo = scope.ServiceProvider.GetServices<IDemoData>().Single(d => d.Module == "leads");
            Assert.True(await demo.IsEmptyAsync(scope.ServiceProvider, CancellationToken.None));
            await demo.FillAsync(scope.ServiceProvider, CancellationToken.None);
            Assert.False(await demo.IsEmptyAsync(scope.ServiceProvider, CancellationToken.None));
        }
        var client = server.WithApiKey(await server.CreateApiKeyAsync(organization, "leads:write"));

        var niches = await LeadsRows.GetAsync(client, "niches");
        var campaigns = await LeadsRows.GetAsync(client, "campaigns");
        var leads = await LeadsRows.GetAsync(client, "leads?limit=1000");
        Assert.Equal(4, niches.GetArrayLength());
        Assert.Equal(90, leads.GetArrayLength());
        Assert.Contains(leads.EnumerateArray(), l => l.GetProperty("status").GetString() == "hot");
        Assert.Contains(leads.EnumerateArray(), l => l.GetProperty("status").GetString() == "won");
        Assert.Contains(leads.EnumerateArray(), l => l.GetProperty("status").GetString() == "spam");
        var busy = campaigns.EnumerateArray().First(c => c.GetProperty("leads_count").GetInt32() > 0);
        var stats = (await LeadsRows.GetAsync(client, $"campaigns/{busy.Id()}")).GetProperty("stats");
        Assert.True(stats.GetProperty("cpl").GetDecimal() > 0);
        Assert.NotEmpty((await LeadsRows.GetAsync(client, $"campaigns/{busy.Id()}/ads")).EnumerateArray());
        Assert.NotEmpty((await LeadsRows.GetAsync(client, $"campaigns/{busy.Id()}/spend")).EnumerateArray());
        var lead = await LeadsRows.GetAsync(client, $"leads/{leads[0].Id()}");
        Assert.NotEmpty(lead.GetProperty("conversations").EnumerateArray());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, lead.GetProperty("qualification").ValueKind);
        Assert.NotEmpty((await LeadsRows.GetAsync(client, $"leads/{leads[0].Id()}/messages")).GetProperty("messages").EnumerateArray());
        var nicheStats = await LeadsRows.GetAsync(client, $"niches/{niches[0].Id()}/stats");
        Assert.Contains(nicheStats.GetProperty("verdict").GetString(), new[] { "scale", "stop", "not_enough_data" });
        Assert.True(nicheStats.GetProperty("spent").GetDecimal() > 0 || nicheStats.GetProperty("campaigns").GetInt32() > 0);
    }
}

/// <summary>The health body reports Redis as it is: connected to the test command's Redis, disconnected from one that is not there.</summary>
public sealed class LeadsHealthTests
{
    private static async Task<System.Text.Json.JsonElement> HealthWithRedisAsync(string redis)
    {
        var server = new SqliteServer();
        server.Settings["ConnectionStrings:Redis"] = redis;
        await ((Xunit.IAsyncLifetime)server).InitializeAsync();
        try
        {
            return await (await server.CreateClient().GetAsync("/leads/api/health")).ReadJsonAsync();
        }
        finally
        {
            await ((Xunit.IAsyncLifetime)server).DisposeAsync();
        }
    }

    [Fact]
    public async Task Redis_is_connected_when_the_configured_redis_answers()
    {
        var redis = Environment.GetEnvironmentVariable(RedisHealthTests.RedisVariable);
        Assert.False(string.IsNullOrEmpty(redis), $"{RedisHealthTests.RedisVariable} is not set: run the tests with ./test.sh, which starts Redis.");

        var health = await HealthWithRedisAsync(redis);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("connected", health.GetProperty("services").GetProperty("redis").GetString());
    }

    [Fact]
    public async Task Redis_is_disconnected_and_the_service_degraded_when_it_does_not_answer()
    {
        var health = await HealthWithRedisAsync("127.0.0.1:1");

        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("connected", health.GetProperty("services").GetProperty("database").GetString());
        Assert.Equal("disconnected", health.GetProperty("services").GetProperty("redis").GetString());
    }
}
