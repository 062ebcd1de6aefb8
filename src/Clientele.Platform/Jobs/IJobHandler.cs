namespace Clientele.Platform.Jobs;

/// <summary>
/// Runs one kind of job (<c>module.what</c>, e.g. <c>banking.client-summaries</c>). A job may run more than once (a retry, or a
/// worker that died mid-way), so a handler must be idempotent: replace what it writes rather than append.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the work; the returned object is stored as the job's result (JSON). Throwing fails the attempt.</summary>
    Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the job is ended <c>failed</c> without running again, because the worker of its last attempt died: a
    /// handler that records the job's state on its own rows ends them too. It may be called more than once.
    /// </summary>
    Task AbandonedAsync(JobContext context, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
