using System.Diagnostics;
using System.Text.Json;

namespace Clientele.Platform.Jobs;

/// <summary>What a handler gets for one attempt: the job, its payload, progress reporting, and a scope acting for the job's organization.</summary>
public sealed class JobContext
{
    private readonly JobAttempt _attempt;
    private int _reportedPercent = -1;
    private long _reportedAt;

    internal JobContext(JobAttempt attempt, IServiceProvider services)
    {
        _attempt = attempt;
        Services = services;
    }

    public Guid JobId => _attempt.Claim.Id;
    public Guid OrganizationId => _attempt.Claim.OrganizationId;
    public string Kind => _attempt.Claim.Kind;

    /// <summary>1 for the first run; more after a failure or after a worker died mid-way.</summary>
    public int Attempt => _attempt.Claim.Attempt;

    /// <summary>Services of a scope whose tenant is the job's organization, so module DbContexts see and write only its rows.</summary>
    public IServiceProvider Services { get; }

    public string PayloadJson => _attempt.Claim.Payload;

    public T Payload<T>() => JobJson.Read<T>(PayloadJson) ?? throw new JsonException($"Job {JobId} has no payload.");

    /// <summary>
    /// Stores progress (0–100) and a message and publishes them. Throws <see cref="OperationCanceledException"/> when the job was
    /// cancelled or this worker lost it, so a handler that reports often stops soon.
    /// </summary>
    public Task ReportAsync(int progress, string? message = null, CancellationToken cancellationToken = default) =>
        _attempt.ReportAsync(Math.Clamp(progress, 0, 100), message is null ? null : JobText.Message(message), cancellationToken);

    /// <summary>
    /// Reports <paramref name="done"/> of <paramref name="total"/> at most once per percent or once a second (and always the
    /// last step), so a job over a million rows writes about a hundred updates and events, not a million.
    /// </summary>
    public Task ProgressAsync(long done, long total, string message, CancellationToken cancellationToken = default)
    {
        var percent = total <= 0 ? 100 : (int)(Math.Clamp(done, 0, total) * 100 / total);
        var now = Stopwatch.GetTimestamp();
        if (percent == _reportedPercent && done < total && Stopwatch.GetElapsedTime(_reportedAt, now) < TimeSpan.FromSeconds(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
        _reportedPercent = percent;
        _reportedAt = now;
        return ReportAsync(percent, message, cancellationToken);
    }
}
