using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Clientele.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Retention;

/// <summary>
/// Queues the retention job every <see cref="RetentionOptions.IntervalMinutes"/> as the default organization, unless one
/// is already waiting; with several instances a second run finds nothing left to delete.
/// </summary>
internal sealed class RetentionScheduler(IServiceScopeFactory scopes, DefaultOrganization organization, IOptions<RetentionOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.IntervalMinutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            await RetentionRun.StartAsync(scope.ServiceProvider, organization.Id, stoppingToken);
        }
    }
}

public static class RetentionRun
{
    /// <summary>Queues a retention job for <paramref name="organizationId"/>, or returns the one already queued.</summary>
    public static async Task<Job> StartAsync(IServiceProvider scope, Guid organizationId, CancellationToken cancellationToken)
    {
        scope.GetRequiredService<TenantContext>().Use(organizationId);
        var queue = scope.GetRequiredService<JobQueue>();
        var waiting = (await queue.ListAsync(JobStatus.Queued, [ModuleCatalog.PlatformName], JobEndpoints.MaxLimit, cancellationToken))
            .FirstOrDefault(j => j.Kind == RetentionJob.JobKind);
        return waiting ?? await queue.EnqueueAsync(RetentionJob.JobKind, maxAttempts: 1, cancellationToken: cancellationToken);
    }
}
