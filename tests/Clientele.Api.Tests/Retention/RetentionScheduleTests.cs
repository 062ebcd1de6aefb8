using Clientele.Platform.Jobs;
using Clientele.Platform.Retention;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Retention;

/// <summary>Without anyone asking, each instance queues the retention job every <c>Clientele:Retention:IntervalMinutes</c>.</summary>
public sealed class RetentionScheduleTests
{
    [Fact]
    public async Task The_retention_job_runs_on_its_schedule_as_the_default_organization()
    {
        var server = new ClienteleFactory(DatabaseKind.Sqlite);
        server.Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        server.Settings["Clientele:Retention:IntervalMinutes"] = "0.005";
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            await AssertRunsAsync(server);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    private static async Task AssertRunsAsync(ClienteleFactory server)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);

        Job? finished = null;
        while (finished is null && DateTimeOffset.UtcNow < deadline)
        {
            using var scope = server.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(server.Services.GetRequiredService<DefaultOrganization>().Id);
            var jobs = await scope.ServiceProvider.GetRequiredService<JobQueue>().ListAsync(JobStatus.Succeeded);
            finished = jobs.FirstOrDefault(j => j.Kind == RetentionJob.JobKind);
            await Task.Delay(100);
        }

        Assert.NotNull(finished);
        Assert.Contains("\"outbox_messages\"", finished.Result);
    }
}
