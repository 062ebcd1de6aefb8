using System.Net;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Jobs;

/// <summary><c>/platform/api/jobs</c>: what a caller sees and may do, retries of a failing handler, and bad input.</summary>
public class JobApiTests(DatabaseServers<JobsServer> servers) : IClassFixture<DatabaseServers<JobsServer>>
{
    private readonly JobsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_failing_job_is_retried_with_growing_back_off_and_then_fails_with_its_last_error()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("failing", "banking:write");

        var id = await server.EnqueueAsync(organization, FailingTestJob.JobKind, maxAttempts: 3);
        var job = await JobsServer.WaitForJobAsync(client, id.ToString(), JobsServer.IsFinished);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal((3, 3), (job.GetProperty("attempts").GetInt32(), job.GetProperty("max_attempts").GetInt32()));
        Assert.Equal("InvalidOperationException: the ledger is unreachable (attempt 3)", job.GetProperty("last_error").GetString());
        Assert.NotEqual(JsonValueKindNull, job.GetProperty("finished_at").ValueKind);
        var starts = server.FailingAttempts.Started.Where(a => a.JobId == id).Select(a => a.At).ToList();
        Assert.Equal(3, starts.Count);
        // Back-off 0.3 s, then 0.6 s: an attempt never starts before its wait is over (1 ms for timestamp rounding).
        Assert.True(starts[1] - starts[0] >= TimeSpan.FromMilliseconds(299), $"second attempt after {(starts[1] - starts[0]).TotalMilliseconds} ms");
        Assert.True(starts[2] - starts[1] >= TimeSpan.FromMilliseconds(599), $"third attempt after {(starts[2] - starts[1]).TotalMilliseconds} ms");
    }

    [DatabaseFact]
    public async Task Another_organizations_job_is_not_found_and_not_listed()
    {
        var (alpha, alphaId) = await server.ClientForNewOrganizationAsync("alpha", "*:write");
        var (beta, _) = await server.ClientForNewOrganizationAsync("beta", "*:write");
        var id = await server.EnqueueAsync(alphaId, FailingTestJob.JobKind, maxAttempts: 1);

        var get = await beta.GetAsync($"/platform/api/jobs/{id}");
        var cancel = await beta.PostAsync($"/platform/api/jobs/{id}/cancel", null);
        var list = await (await beta.GetAsync("/platform/api/jobs")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("""{"detail":"Job not found"}""", await get.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("""{"detail":"Job not found"}""", await cancel.Content.ReadAsStringAsync());
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync($"/platform/api/jobs/{id}")).StatusCode);
    }

    [DatabaseFact]
    public async Task Bad_ids_are_422_and_unknown_ids_404_in_the_fastapi_shape()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("ids", "*:write");

        var bad = await client.GetAsync("/platform/api/jobs/not-a-guid");
        var badCancel = await client.PostAsync("/platform/api/jobs/123/cancel", null);
        var unknown = await client.GetAsync($"/platform/api/jobs/{Guid.NewGuid()}");
        var unknownCancel = await client.PostAsync($"/platform/api/jobs/{Guid.NewGuid()}/cancel", null);

        foreach (var response in new[] { bad, badCancel })
        {
            Assert.Equal((HttpStatusCode)422, response.StatusCode);
            var detail = (await response.ReadJsonAsync()).GetProperty("detail")[0];
            Assert.Equal("""["path","id"]""", detail.GetProperty("loc").GetRawText());
        }
        foreach (var response in new[] { unknown, unknownCancel })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("""{"detail":"Job not found"}""", await response.Content.ReadAsStringAsync());
        }
    }

    [DatabaseFact]
    public async Task The_list_is_newest_first_filters_by_status_and_refuses_unknown_statuses()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("list", "*:read");
        var older = await server.EnqueueAsync(organization, FailingTestJob.JobKind, maxAttempts: 1);
        await JobsServer.WaitForJobAsync(client, older.ToString(), JobsServer.IsFinished);
        var newer = await server.EnqueueAsync(organization, FailingTestJob.JobKind, maxAttempts: 1);
        await JobsServer.WaitForJobAsync(client, newer.ToString(), JobsServer.IsFinished);

        var all = await (await client.GetAsync("/platform/api/jobs")).ReadJsonAsync();
        var failed = await (await client.GetAsync("/platform/api/jobs?status=failed&limit=1")).ReadJsonAsync();
        var succeeded = await (await client.GetAsync("/platform/api/jobs?status=succeeded")).ReadJsonAsync();
        var unknownStatus = await client.GetAsync("/platform/api/jobs?status=done");
        var badLimit = await client.GetAsync("/platform/api/jobs?limit=0");

        Assert.Equal([newer.ToString(), older.ToString()], all.EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.Equal([newer.ToString()], failed.EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.Equal(0, succeeded.GetArrayLength());
        Assert.Equal((HttpStatusCode)422, unknownStatus.StatusCode);
        Assert.Equal("""["query","status"]""", (await unknownStatus.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").GetRawText());
        Assert.Equal((HttpStatusCode)422, badLimit.StatusCode);
        Assert.Equal("""["query","limit"]""", (await badLimit.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }

    [DatabaseFact]
    public async Task A_key_sees_only_jobs_of_modules_it_may_read_and_cancels_only_with_write_access()
    {
        var organization = await server.CreateOrganizationAsync("scopes");
        var id = await server.EnqueueAsync(organization, FailingTestJob.JobKind, maxAttempts: 1);
        var bankingReader = server.WithApiKey(await server.CreateApiKeyAsync(organization, "banking:read"));
        var retailWriter = server.WithApiKey(await server.CreateApiKeyAsync(organization, "retail:write"));
        await JobsServer.WaitForJobAsync(bankingReader, id.ToString(), JobsServer.IsFinished);

        var readerCancel = await bankingReader.PostAsync($"/platform/api/jobs/{id}/cancel", null);
        var retailList = await (await retailWriter.GetAsync("/platform/api/jobs")).ReadJsonAsync();
        var retailGet = await retailWriter.GetAsync($"/platform/api/jobs/{id}");
        var anonymous = await server.CreateClient().GetAsync("/platform/api/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, readerCancel.StatusCode);
        Assert.Equal("""{"detail":"Cancelling needs write access to banking"}""", await readerCancel.Content.ReadAsStringAsync());
        Assert.Equal(0, retailList.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, retailGet.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("""{"detail":"Not authenticated"}""", await anonymous.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task A_viewer_reads_jobs_but_cannot_cancel_and_a_finished_job_cannot_be_cancelled()
    {
        var organization = await server.CreateOrganizationAsync("viewer");
        var id = await server.EnqueueAsync(organization, FailingTestJob.JobKind, maxAttempts: 1);
        var viewer = await SessionAsync(organization, "viewer");
        var analyst = await SessionAsync(organization, "analyst");
        await JobsServer.WaitForJobAsync(viewer, id.ToString(), JobsServer.IsFinished);

        var viewerCancel = await viewer.PostAsync($"/platform/api/jobs/{id}/cancel", null);
        var analystCancel = await analyst.PostAsync($"/platform/api/jobs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Forbidden, viewerCancel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, analystCancel.StatusCode);
        Assert.Equal("""{"detail":"Job already failed"}""", await analystCancel.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> SessionAsync(Guid organization, string role) => (await server.SignedInAsync(organization, role)).Client;

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
