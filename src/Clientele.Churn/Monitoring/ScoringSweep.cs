using Clientele.Churn.Data;
using Clientele.Churn.Predictions;
using Clientele.Platform.Data;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Monitoring;

/// <summary>
/// Every <c>SweepMinutes</c>, queues a scoring job over all customers for each organization with an active model, unless one is
/// still queued or running there (so two instances, or a slow sweep, never pile jobs up). The jobs do the work, durably.
/// </summary>
public sealed partial class ScoringSweep(IServiceScopeFactory scopes, IOptions<ChurnOptions> options, TimeProvider time, ILogger<ScoringSweep> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SweepMinutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> organizations;
        using (var scope = scopes.CreateScope())
        {
            organizations = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organizations.AsNoTracking()
                .Select(o => o.Id).ToListAsync(cancellationToken);
        }
        var queued = 0;
        foreach (var organization in organizations)
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var db = scope.ServiceProvider.GetRequiredService<ChurnDbContext>();
            if (!await db.ModelVersions.AnyAsync(m => m.IsActive, cancellationToken))
            {
                continue;
            }
            var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
            var pending = (await queue.ListAsync(JobStatus.Queued, [ChurnModule.Name], 50, cancellationToken))
                .Concat(await queue.ListAsync(JobStatus.Running, [ChurnModule.Name], 50, cancellationToken))
                .Any(j => j.Kind == ScoringJob.JobKind);
            if (!pending)
            {
                await queue.EnqueueAsync(ScoringJob.JobKind, new ScoringJob.Payload(null, RiskSources.Sweep), cancellationToken: cancellationToken);
                queued++;
            }
        }
        return queued;
    }

    [LoggerMessage(LogLevel.Error, "The churn scoring sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
