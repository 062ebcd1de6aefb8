using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Retail;

/// <summary>Customer segments: RFM + k-means as a job writing customer_segment and the profiles, on both databases.</summary>
public sealed class RetailSegmentTests(DatabaseServers<RetailServer> servers) : IClassFixture<DatabaseServers<RetailServer>>
{
    private readonly RetailServer server = servers.Current;

    private static async Task SegmentAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/retail/api/segments/run", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JobsServer.WaitForJobAsync(client, (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!, JobsServer.IsFinished);
        Assert.True(job.GetProperty("status").GetString() == "succeeded", job.ToString());
    }

    [DatabaseFact]
    public async Task Segmenting_writes_profiles_and_every_customers_segment()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("segments", "retail:write");
        await PlantedBaskets.ImportAsync(client);

        await SegmentAsync(client, new { clusters = 2 });

        var segments = await (await client.GetAsync("/retail/api/segments/")).ReadJsonAsync();
        Assert.Equal(2, segments.GetProperty("clusters").GetInt32());
        Assert.Equal("2025-07-01", segments.GetProperty("reference_date").GetString());
        var profiles = segments.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(2, profiles.Count);
        Assert.Equal(20, profiles.Sum(p => p.GetProperty("customers").GetInt32()));
        Assert.Equal(1.0, profiles.Sum(p => p.GetProperty("revenue_share").GetDouble()), 9);
        Assert.Equal([0, 1], profiles.Select(p => p.GetProperty("segment").GetInt32()));
        var labels = profiles.Select(p => p.GetProperty("label").GetString()).ToHashSet();
        var customers = await (await client.GetAsync("/retail/api/customers/?limit=1000")).ReadJsonAsync();
        Assert.All(customers.EnumerateArray(), c => Assert.Contains(c.GetProperty("customer_segment").GetString(), labels));
        var best = profiles[0].GetProperty("label").GetString()!;
        var inBest = await (await client.GetAsync($"/retail/api/customers/?segment={Uri.EscapeDataString(best)}&limit=1000")).ReadJsonAsync();
        Assert.Equal(profiles[0].GetProperty("customers").GetInt32(), inBest.GetArrayLength());
        // Customers 1–3 bought 20 times each; they are in the best segment.
        Assert.Contains(inBest.EnumerateArray(), c => c.GetProperty("customer_id").GetInt32() == 1);
    }

    [DatabaseFact]
    public async Task Customers_without_purchases_are_marked_and_a_new_run_replaces_the_profiles()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("segments-again", "retail:write");
        await PlantedBaskets.ImportAsync(client);
        var idle = await RetailRows.PostAsync(client, "customers", RetailRows.Customer);

        await SegmentAsync(client, new { clusters = 3 });
        await SegmentAsync(client, new { });

        var segments = await (await client.GetAsync("/retail/api/segments/")).ReadJsonAsync();
        var clusters = segments.GetProperty("clusters").GetInt32();
        Assert.InRange(clusters, 2, 8);
        Assert.Equal(clusters, segments.GetProperty("segments").GetArrayLength());
        var stored = await (await client.GetAsync($"/retail/api/customers/{idle.GetProperty("customer_id").GetInt32()}")).ReadJsonAsync();
        Assert.Equal("No purchases", stored.GetProperty("customer_segment").GetString());
    }

    [DatabaseTheory]
    [InlineData("""{"clusters":1}""", "clusters")]
    [InlineData("""{"clusters":11}""", "clusters")]
    [InlineData("""{"clusters":"many"}""", "clusters")]
    [InlineData("""{"reference_date":"soon"}""", "reference_date")]
    public async Task A_bad_segmentation_request_is_422_and_queues_nothing(string body, string field)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("segments-bad", "retail:write");

        var response = await client.PostAsync("/retail/api/segments/run", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), d => d.GetProperty("loc").EnumerateArray().Any(l => l.ToString() == field));
        Assert.Equal("[]", await client.GetStringAsync("/platform/api/jobs/"));
    }

    [DatabaseFact]
    public async Task Another_organization_sees_no_segments_and_its_customers_keep_theirs()
    {
        var (owner, _) = await server.ClientForNewOrganizationAsync("segments-owner", "retail:write");
        await PlantedBaskets.ImportAsync(owner);
        var (other, _) = await server.ClientForNewOrganizationAsync("segments-other", "retail:write");
        var theirs = await RetailRows.PostAsync(other, "customers", RetailRows.Customer);

        await SegmentAsync(owner, new { clusters = 2 });

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/retail/api/segments/")).StatusCode);
        var unchanged = await (await other.GetAsync($"/retail/api/customers/{theirs.GetProperty("customer_id").GetInt32()}")).ReadJsonAsync();
        Assert.Equal("High Value", unchanged.GetProperty("customer_segment").GetString());
    }
}
