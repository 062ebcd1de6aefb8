namespace Clientele.Platform.Jobs;

/// <summary>Wakes this process's idle workers when it enqueues a job, so they need not wait for the next poll.</summary>
public sealed class JobSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var signalled = Volatile.Read(ref _next).Task;
        await Task.WhenAny(signalled, Task.Delay(timeout, time, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
    }
}
