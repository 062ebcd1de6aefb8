using System.Text.Json;
using Clientele.Platform.Jobs;

namespace Clientele.Platform.Tests.Jobs;

public sealed class JobRunTests : IAsyncDisposable
{
    private readonly JobsHarness _jobs = new(new() { ["Clientele:Jobs:LeaseSeconds"] = "0.6" });

    public ValueTask DisposeAsync() => _jobs.DisposeAsync();

    private async Task<Job> ClaimAndRunAsync(string owner = "worker")
    {
        var claim = await _jobs.Store.ClaimAsync(owner, default);
        Assert.NotNull(claim);
        await _jobs.Runner.RunAsync(claim, default);
        return (await _jobs.GetAsync(claim.Id))!;
    }

    [Fact]
    public async Task A_successful_run_stores_the_result_and_progress_100_and_publishes_every_change()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("Алматы"));

        var done = await ClaimAndRunAsync();

        Assert.Equal((JobStatus.Succeeded, 100, 1), (done.Status, done.Progress, done.Attempts));
        Assert.Null(done.LeaseOwner);
        Assert.NotNull(done.FinishedAt);
        var result = JsonDocument.Parse(done.Result!).RootElement;
        Assert.Equal("Алматы", result.GetProperty("echoed").GetString());
        Assert.Equal(["queued 0", "running 0", "running 50", "succeeded 100"], await _jobs.EventsAsync(job.Id));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_exponential_back_off_and_then_fails_with_the_last_error()
    {
        var job = await _jobs.EnqueueAsync(FailingHandler.JobKind, maxAttempts: 3);

        var first = await ClaimAndRunAsync();
        var failedAt = _jobs.Clock.GetUtcNow();
        Assert.Equal((JobStatus.Queued, 1, failedAt + TimeSpan.FromSeconds(10)), (first.Status, first.Attempts, first.RunAfter));
        Assert.Equal("InvalidOperationException: broken on attempt 1", first.LastError);
        _jobs.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await _jobs.Store.ClaimAsync("worker", default));

        _jobs.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await ClaimAndRunAsync();
        Assert.Equal((JobStatus.Queued, 2, _jobs.Clock.GetUtcNow() + TimeSpan.FromSeconds(20)), (second.Status, second.Attempts, second.RunAfter));

        _jobs.Clock.Advance(TimeSpan.FromSeconds(20));
        var last = await ClaimAndRunAsync();
        Assert.Equal((JobStatus.Failed, 3), (last.Status, last.Attempts));
        Assert.Equal("InvalidOperationException: broken on attempt 3", last.LastError);
        Assert.NotNull(last.FinishedAt);
        Assert.Null(await _jobs.Store.ClaimAsync("worker", default));
        Assert.Equal(["queued 0", "running 0", "queued 0", "running 0", "queued 0", "running 0", "failed 0"], await _jobs.EventsAsync(job.Id));
    }

    [Fact]
    public async Task Cancelling_a_queued_job_cancels_it_at_once_and_no_worker_runs_it()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("x"));

        var cancelled = await _jobs.CancelAsync(job.Id);

        Assert.Equal(JobStatus.Cancelled, cancelled!.Status);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Null(await _jobs.Store.ClaimAsync("worker", default));
        Assert.Equal(["queued 0", "cancelled 0"], await _jobs.EventsAsync(job.Id));
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_its_handler_at_the_next_heartbeat()
    {
        var job = await _jobs.EnqueueAsync(WaitingHandler.JobKind);
        var claim = (await _jobs.Store.ClaimAsync("worker", default))!;
        var run = _jobs.Runner.RunAsync(claim, default);
        await _jobs.Waiting.Started.Task.WaitAsync(TimeSpan.FromMinutes(1));

        var requested = await _jobs.CancelAsync(job.Id);
        await run.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal((JobStatus.Running, true), (requested!.Status, requested.CancelRequested));
        var stored = await _jobs.GetAsync(job.Id);
        Assert.Equal(JobStatus.Cancelled, stored!.Status);
        Assert.Null(stored.LeaseOwner);
        Assert.Equal("cancelled 0", (await _jobs.EventsAsync(job.Id)).Last());
    }

    [Fact]
    public async Task Stopping_the_process_puts_a_running_job_back_in_the_queue_without_counting_the_attempt()
    {
        var job = await _jobs.EnqueueAsync(WaitingHandler.JobKind);
        var claim = (await _jobs.Store.ClaimAsync("worker", default))!;
        using var stopping = new CancellationTokenSource();
        var run = _jobs.Runner.RunAsync(claim, stopping.Token);
        await _jobs.Waiting.Started.Task.WaitAsync(TimeSpan.FromMinutes(1));

        await stopping.CancelAsync();
        await run.WaitAsync(TimeSpan.FromMinutes(1));

        var stored = await _jobs.GetAsync(job.Id);
        Assert.Equal((JobStatus.Queued, 0), (stored!.Status, stored.Attempts));
        Assert.Equal(job.Id, (await _jobs.Store.ClaimAsync("next", default))!.Id);
    }

    [Fact]
    public async Task A_job_whose_worker_died_on_its_last_attempt_fails_when_claimed_again()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("x"), maxAttempts: 1);
        await _jobs.Store.ClaimAsync("dead", default);
        _jobs.Clock.Advance(TimeSpan.FromSeconds(1));

        var after = await ClaimAndRunAsync("successor");

        Assert.Equal((JobStatus.Failed, 2), (after.Status, after.Attempts));
        Assert.Contains("stopped before finishing", after.LastError, StringComparison.Ordinal);
        Assert.Null(after.Result);
    }

    [Fact]
    public async Task A_job_whose_cancel_was_requested_before_its_worker_died_ends_cancelled()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("x"));
        await _jobs.Store.ClaimAsync("dead", default);
        await _jobs.CancelAsync(job.Id);
        _jobs.Clock.Advance(TimeSpan.FromSeconds(1));

        var after = await ClaimAndRunAsync("successor");

        Assert.Equal(JobStatus.Cancelled, after.Status);
        Assert.Null(after.Result);
    }
}
