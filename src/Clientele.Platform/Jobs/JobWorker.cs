using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Jobs;

/// <summary>
/// This process's workers (<c>Clientele:Jobs:Workers</c> loops): each claims one due job at a time, runs it, and polls when
/// the queue is empty. Several processes on one PostgreSQL share the queue safely through the claim.
/// </summary>
public sealed partial class JobWorker(JobStore store, JobRunner runner, JobSignal signal, IOptions<JobOptions> options, TimeProvider time, ILogger<JobWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan QueueDepthEvery = TimeSpan.FromSeconds(10);

    private DateTimeOffset _queueDepthCountedAt = DateTimeOffset.MinValue;

    /// <summary>Unique per process start: machine, process id and a random part, so a restarted process is a new owner.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        LogStarting(logger, Math.Max(settings.Workers, 1), Owner);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(settings.Workers, 1)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None)));
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await store.ClaimAsync(Owner, stopping) is { } claim)
                {
                    await runner.RunAsync(claim, stopping);
                    continue;
                }
                await CountQueueAsync(stopping);
                await signal.WaitAsync(options.Value.Poll, time, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogLoopError(logger, exception);
                try
                {
                    await Task.Delay(options.Value.Poll, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task CountQueueAsync(CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        if (now - _queueDepthCountedAt < QueueDepthEvery)
        {
            return;
        }
        _queueDepthCountedAt = now;
        JobMetrics.QueueDepth(await store.CountQueuedAsync(stopping));
    }

    [LoggerMessage(LogLevel.Information, "Job workers are disabled in this process (Clientele:Jobs:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Starting {Count} job worker(s) as {Owner}")]
    private static partial void LogStarting(ILogger logger, int count, string owner);

    [LoggerMessage(LogLevel.Error, "A job worker failed; it goes on after the poll interval")]
    private static partial void LogLoopError(ILogger logger, Exception exception);
}
