using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Retention;

/// <summary>
/// Every <see cref="RetentionOptions.CheckSeconds"/>, queues a <c>platform.retention</c> job for the default organization when
/// none is queued or running and none finished within <see cref="RetentionOptions.IntervalHours"/>. Every instance checks;
/// the job table is what they agree on, so several instances purge about once per interval, not once each.
/// </summary>
public sealed partial class RetentionScheduler(
    IServiceScopeFactory scopes, DefaultOrganization organization, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionScheduler> logger)
    : BackgroundService
{
    /// <summary>Queues a purge if one is due; the job, or null when none was due.</summary>
    public async Task<Job?> EnqueueIfDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization.Id);
        var jobs = scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.AsNoTracking().Where(j => j.Kind == RetentionJob.JobKind);
        var since = time.GetUtcNow() - TimeSpan.FromHours(options.Value.IntervalHours);
        if (await jobs.AnyAsync(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running || (j.Status == JobStatus.Succeeded && j.FinishedAt > since), cancellationToken))
        {
            return null;
        }
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(RetentionJob.JobKind, cancellationToken: cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await EnqueueIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(logger, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not check whether a retention purge is due; will try again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
