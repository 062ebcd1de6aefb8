using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Jobs;

/// <summary>A long refresh (a pause between clients): its progress is visible while it runs, and cancelling stops it.</summary>
public class JobCancelTests(DatabaseServers<SlowJobsServer> servers) : IClassFixture<DatabaseServers<SlowJobsServer>>
{
    private readonly SlowJobsServer server = servers.Current;

    [DatabaseFact]
    public async Task Progress_is_visible_while_a_refresh_runs_and_cancelling_stops_it()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("cancel", "banking:write");
        await SummaryData.ImportAsync(client);
        var id = await SummaryData.RefreshAsync(client);

        var running = await JobsServer.WaitForJobAsync(client, id, j => j.GetProperty("progress").GetInt32() == 50 || JobsServer.IsFinished(j));
        var cancel = await client.PostAsync($"/platform/api/jobs/{id}/cancel", null);
        var cancelled = await JobsServer.WaitForJobAsync(client, id, JobsServer.IsFinished);

        Assert.Equal(("running", "1 of 2 clients"), (running.GetProperty("status").GetString(), running.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.True((await cancel.ReadJsonAsync()).GetProperty("cancel_requested").GetBoolean());
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(50, cancelled.GetProperty("progress").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, cancelled.GetProperty("result").ValueKind);
        var listed = await (await client.GetAsync("/platform/api/jobs?status=cancelled")).ReadJsonAsync();
        Assert.Equal([id], listed.EnumerateArray().Select(j => j.GetProperty("id").GetString()));
    }
}
