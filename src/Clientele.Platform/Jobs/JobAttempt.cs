namespace Clientele.Platform.Jobs;

/// <summary>One run of a claimed job: the token its handler watches, and the writes (heartbeat, progress) that keep the claim alive.</summary>
internal sealed class JobAttempt(JobClaim claim, JobStore store, JobOptions options, TimeProvider time, CancellationToken stopping) : IDisposable
{
    private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    public JobClaim Claim => claim;
    public CancellationToken Token => _cancel.Token;
    public bool LeaseLost { get; private set; }
    public bool CancelRequested { get; private set; }

    public async Task ReportAsync(int progress, string? message, CancellationToken cancellationToken)
    {
        Token.ThrowIfCancellationRequested();
        var saved = await store.UpdateClaimedAsync(claim, job =>
        {
            Observe(job);
            var changed = job.Progress != progress || job.Message != message;
            job.Progress = progress;
            job.Message = message;
            job.LeaseExpiresAt = time.GetUtcNow() + options.Lease;
            return changed;
        }, cancellationToken);
        if (saved is null)
        {
            Lose();
        }
        Token.ThrowIfCancellationRequested();
    }

    /// <summary>Renews the lease every third of it until <paramref name="done"/>; notices cancel requests and a lost claim.</summary>
    public async Task HeartbeatAsync(CancellationToken done)
    {
        using var timer = new PeriodicTimer(options.Heartbeat, time);
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                if (await RenewAsync(done) is false)
                {
                    Lose();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when renewed, false when the claim is gone, null when the database could not be reached (the next tick tries again).</summary>
    private async Task<bool?> RenewAsync(CancellationToken done)
    {
        try
        {
            var saved = await store.UpdateClaimedAsync(claim, job =>
            {
                Observe(job);
                job.LeaseExpiresAt = time.GetUtcNow() + options.Lease;
                return false;
            }, done);
            return saved is not null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            HeartbeatErrors++;
            return null;
        }
    }

    public int HeartbeatErrors { get; private set; }

    private void Observe(Job job)
    {
        if (job.CancelRequested && !CancelRequested)
        {
            CancelRequested = true;
            _cancel.Cancel();
        }
    }

    private void Lose()
    {
        LeaseLost = true;
        _cancel.Cancel();
    }

    public void Dispose() => _cancel.Dispose();
}
