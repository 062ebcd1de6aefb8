using Clientele.Platform.Jobs;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Jobs;

/// <summary>A job of many steps reports about once per percent: a hundred updates and events, not one per step.</summary>
public sealed class JobProgressTests(DatabaseServers<JobsServer> servers) : IClassFixture<DatabaseServers<JobsServer>>
{
    private readonly JobsServer server = servers.Current;

    [DatabaseFact]
    public async Task Progress_of_five_thousand_steps_is_stored_and_published_about_a_hundred_times()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("steps", "banking:read");
        var id = await server.EnqueueAsync(organization, StepsTestJob.JobKind, maxAttempts: 1);

        var job = await JobsServer.WaitForJobAsync(client, id.ToString(), JobsServer.IsFinished);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(100, job.GetProperty("progress").GetInt32());
        Assert.Equal($"{StepsTestJob.Steps} of {StepsTestJob.Steps} steps", job.GetProperty("message").GetString());
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var updates = await db.Outbox.IgnoreQueryFilters().AsNoTracking()
            .CountAsync(m => m.OrganizationId == organization && m.Type == JobEvents.Updated);
        Assert.InRange(updates, 100, 100 + 10 + StepsTestJob.Steps / 50);
    }
}
