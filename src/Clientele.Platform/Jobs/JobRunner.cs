using System.Diagnostics;
using Clientele.Platform.Observability;
using Clientele.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Jobs;

/// <summary>Runs one claimed attempt: the handler in a scope of the job's organization, a heartbeat beside it, then the outcome.</summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, JobStore store, IOptions<JobOptions> options, TimeProvider time, ILogger<JobRunner> logger)
{
    private const int MaxErrorLength = 4000;

    public async Task RunAsync(JobClaim claim, CancellationToken stopping)
    {
        using var activity = ClienteleTelemetry.Source.StartActivity($"job {claim.Kind}", ActivityKind.Internal);
        JobMetrics.Tag(activity, claim);
        JobMetrics.Started(claim.Kind);
        if (claim.CancelRequested)
        {
            await FinishAsync(claim, JobStatus.Cancelled, null, null);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(claim.OrganizationId);
        var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == claim.Kind);
        if (claim.Attempt > claim.MaxAttempts)
        {
            var reason = $"The worker of attempt {claim.Attempt - 1} stopped before finishing, and no attempts are left.";
            if (handler is not null)
            {
                await AbandonAsync(handler, claim, scope.ServiceProvider, reason, stopping);
            }
            await FinishAsync(claim, JobStatus.Failed, null, reason);
            return;
        }
        if (handler is null)
        {
            await FinishAsync(claim, JobStatus.Failed, null, $"No handler is registered for job kind '{claim.Kind}'.");
            return;
        }

        using var attempt = new JobAttempt(claim, store, options.Value, time, stopping);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = attempt.HeartbeatAsync(heartbeatStop.Token);
        object? result = null;
        Exception? failure = null;
        try
        {
            result = await handler.RunAsync(new JobContext(attempt, scope.ServiceProvider), attempt.Token);
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }

        if (attempt.LeaseLost)
        {
            LogLeaseLost(logger, claim.Id, claim.Kind, claim.Attempt);
            activity?.SetStatus(ActivityStatusCode.Error, "lease lost");
            return;
        }
        if (failure is OperationCanceledException && attempt.Token.IsCancellationRequested)
        {
            if (attempt.CancelRequested)
            {
                await FinishAsync(claim, JobStatus.Cancelled, null, null);
            }
            else
            {
                await ReleaseAsync(claim);
            }
            return;
        }
        if (failure is not null)
        {
            activity?.AddException(failure);
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
            LogAttemptFailed(logger, failure, claim.Id, claim.Kind, claim.Attempt, claim.MaxAttempts);
            await FailAttemptAsync(claim, failure);
            return;
        }
        await FinishAsync(claim, JobStatus.Succeeded, result, null);
    }

    private async Task AbandonAsync(IJobHandler handler, JobClaim claim, IServiceProvider services, string reason, CancellationToken stopping)
    {
        using var attempt = new JobAttempt(claim, store, options.Value, time, stopping);
        try
        {
            await handler.AbandonedAsync(new JobContext(attempt, services), reason, attempt.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAbandonFailed(logger, exception, claim.Id, claim.Kind);
        }
    }

    private async Task FinishAsync(JobClaim claim, string status, object? result, string? error)
    {
        var now = time.GetUtcNow();
        var saved = await store.UpdateClaimedAsync(claim, job =>
        {
            job.Status = status;
            job.FinishedAt = now;
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
            if (status == JobStatus.Succeeded)
            {
                job.Progress = 100;
                job.Result = JobJson.Write(result);
            }
            if (error is not null)
            {
                job.LastError = error;
                job.Message = JobText.Message(error);
            }
            if (status == JobStatus.Cancelled)
            {
                job.Message = "Cancelled";
            }
            return true;
        }, CancellationToken.None);
        Record(claim, saved is null ? "lost" : status, now);
    }

    private async Task FailAttemptAsync(JobClaim claim, Exception failure)
    {
        var now = time.GetUtcNow();
        var error = Describe(failure);
        var retry = claim.Attempt < claim.MaxAttempts;
        var saved = await store.UpdateClaimedAsync(claim, job =>
        {
            job.LastError = error;
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
            if (retry)
            {
                job.Status = JobStatus.Queued;
                job.RunAfter = now + options.Value.BackOff(claim.Attempt);
                job.Message = $"Attempt {claim.Attempt} of {claim.MaxAttempts} failed; retrying";
            }
            else
            {
                job.Status = JobStatus.Failed;
                job.FinishedAt = now;
                job.Message = $"Failed after {claim.Attempt} attempt(s)";
            }
            return true;
        }, CancellationToken.None);
        Record(claim, saved is null ? "lost" : retry ? JobStatus.Queued : JobStatus.Failed, now);
    }

    /// <summary>The process is stopping: the job goes back to the queue at once, and this unfinished attempt does not count.</summary>
    private async Task ReleaseAsync(JobClaim claim)
    {
        var now = time.GetUtcNow();
        var saved = await store.UpdateClaimedAsync(claim, job =>
        {
            job.Status = JobStatus.Queued;
            job.Attempts = Math.Max(job.Attempts - 1, 0);
            job.RunAfter = now;
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
            job.Message = "Requeued: the worker was stopping";
            return true;
        }, CancellationToken.None);
        Record(claim, saved is null ? "lost" : "released", now);
    }

    private static void Record(JobClaim claim, string outcome, DateTimeOffset now) => JobMetrics.Finished(claim.Kind, outcome, now - claim.StartedAt);

    private static string Describe(Exception failure)
    {
        var text = $"{failure.GetType().Name}: {failure.Message}";
        return JobText.Cut(text, MaxErrorLength);
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId} ({Kind}) attempt {Attempt} lost its lease to another worker; its outcome is discarded")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId, string kind, int attempt);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} ({Kind}) was abandoned, and its handler could not record it")]
    private static partial void LogAbandonFailed(ILogger logger, Exception exception, Guid jobId, string kind);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} ({Kind}) attempt {Attempt} of {MaxAttempts} failed")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, Guid jobId, string kind, int attempt, int maxAttempts);
}
