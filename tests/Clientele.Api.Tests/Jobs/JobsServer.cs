using System.Collections.Concurrent;
using System.Text.Json;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Jobs;

/// <summary>The real server with quick job polling and retries, plus test job kinds registered beside the real ones.</summary>
public class JobsServer : ClienteleFactory
{
    public JobsServer(DatabaseKind kind) : this(kind, summaryPauseMs: 0)
    {
    }

    protected JobsServer(DatabaseKind kind, int summaryPauseMs) : base(kind)
    {
        Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        Settings["Clientele:Jobs:LeaseSeconds"] = "3";
        Settings["Clientele:Jobs:RetryBaseSeconds"] = "0.3";
        Settings["Clientele:Banking:Summaries:PauseMs"] = summaryPauseMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public FailingTestJob.Attempts FailingAttempts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(FailingAttempts);
            services.AddJobHandler<FailingTestJob>();
            services.AddJobHandler<StepsTestJob>();
        });
    }

    /// <summary>Enqueues a job straight through the queue, as module code does, for <paramref name="organizationId"/>.</summary>
    public async Task<Guid> EnqueueAsync(Guid organizationId, string kind, int maxAttempts)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        return (await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(kind, new { note = "test" }, maxAttempts)).Id;
    }

    /// <summary>Polls <c>/platform/api/jobs/{id}</c> until <paramref name="until"/> holds (a generous time-out, never a speed claim).</summary>
    public static async Task<JsonElement> WaitForJobAsync(HttpClient client, string id, Func<JsonElement, bool> until)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await client.GetAsync($"/platform/api/jobs/{id}");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var job = await response.ReadJsonAsync();
            if (until(job))
            {
                return job;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"job {id} never reached the expected state; last seen: {job}");
            await Task.Delay(50);
        }
    }

    public static bool IsFinished(JsonElement job) => JobStatus.IsFinal(job.GetProperty("status").GetString()!);
}

/// <summary>Pauses 100 s between clients (pages of one), so a refresh stays running until it is cancelled.</summary>
public sealed class SlowJobsServer : JobsServer
{
    public SlowJobsServer(DatabaseKind kind) : base(kind, 100_000) => Settings["Clientele:Banking:Summaries:PageSize"] = "1";
}

/// <summary>Reports progress after each of many small steps, as a job over many rows does.</summary>
public sealed class StepsTestJob : IJobHandler
{
    public const string JobKind = "banking.test-steps";
    public const int Steps = 5_000;

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        for (var step = 1; step <= Steps; step++)
        {
            await context.ProgressAsync(step, Steps, $"{step} of {Steps} steps", cancellationToken);
        }
        return null;
    }
}

/// <summary>Always fails, noting when each attempt started.</summary>
public sealed class FailingTestJob(FailingTestJob.Attempts attempts) : IJobHandler
{
    public const string JobKind = "banking.test-failing";

    public string Kind => JobKind;

    public Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        attempts.Started.Enqueue((context.JobId, DateTimeOffset.UtcNow));
        throw new InvalidOperationException($"the ledger is unreachable (attempt {context.Attempt})");
    }

    public sealed class Attempts
    {
        public ConcurrentQueue<(Guid JobId, DateTimeOffset At)> Started { get; } = new();
    }
}
