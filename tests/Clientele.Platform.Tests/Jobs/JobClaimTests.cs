using Clientele.Platform.Jobs;

namespace Clientele.Platform.Tests.Jobs;

public sealed class JobClaimTests : IAsyncDisposable
{
    private readonly JobsHarness _jobs = new();

    public ValueTask DisposeAsync() => _jobs.DisposeAsync();

    [Fact]
    public async Task Enqueueing_stores_a_queued_job_for_the_organization_with_its_event()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("сәлем"));

        var stored = await _jobs.GetAsync(job.Id);
        Assert.NotNull(stored);
        Assert.Equal((JobStatus.Queued, 0, 0, JobsHarness.OrganizationA, "test"), (stored.Status, stored.Progress, stored.Attempts, stored.OrganizationId, stored.Module));
        Assert.Equal("""{"text":"сәлем"}""", stored.Payload);
        Assert.Equal(["queued 0"], await _jobs.EventsAsync(job.Id));
    }

    [Fact]
    public async Task Enqueueing_an_unknown_kind_or_impossible_attempts_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _jobs.EnqueueAsync("test.nobody-handles-this"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _jobs.EnqueueAsync(EchoHandler.JobKind, maxAttempts: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _jobs.EnqueueAsync(EchoHandler.JobKind, maxAttempts: 101));
    }

    [Fact]
    public async Task A_claim_leases_the_job_and_nobody_else_can_claim_it_while_the_lease_holds()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("x"));

        var first = await _jobs.Store.ClaimAsync("worker-a", default);
        _jobs.Clock.Advance(TimeSpan.FromSeconds(29));
        var second = await _jobs.Store.ClaimAsync("worker-b", default);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal((job.Id, 1, "worker-a"), (first.Id, first.Attempt, first.Owner));
        var stored = await _jobs.GetAsync(job.Id);
        Assert.Equal((JobStatus.Running, "worker-a", 1), (stored!.Status, stored.LeaseOwner, stored.Attempts));
        Assert.Equal(first.StartedAt + TimeSpan.FromSeconds(30), stored.LeaseExpiresAt);
        Assert.Equal(["queued 0", "running 0"], await _jobs.EventsAsync(job.Id));
    }

    [Fact]
    public async Task The_oldest_due_job_is_claimed_first_and_a_job_due_later_waits_for_its_time()
    {
        var older = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("1"));
        _jobs.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("2"));

        Assert.Equal(older.Id, (await _jobs.Store.ClaimAsync("w", default))!.Id);
        Assert.Equal(newer.Id, (await _jobs.Store.ClaimAsync("w", default))!.Id);
        Assert.Null(await _jobs.Store.ClaimAsync("w", default));
    }

    [Fact]
    public async Task A_running_job_whose_lease_expired_is_claimed_again_and_the_old_worker_can_no_longer_write()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("x"));
        var dead = (await _jobs.Store.ClaimAsync("worker-a", default))!;

        _jobs.Clock.Advance(TimeSpan.FromSeconds(31));
        var successor = await _jobs.Store.ClaimAsync("worker-b", default);
        var lateWrite = await _jobs.Store.UpdateClaimedAsync(dead, j => { j.Progress = 99; return true; }, default);

        Assert.NotNull(successor);
        Assert.Equal((job.Id, 2, "worker-b"), (successor.Id, successor.Attempt, successor.Owner));
        Assert.Null(lateWrite);
        var stored = await _jobs.GetAsync(job.Id);
        Assert.Equal((JobStatus.Running, "worker-b", 0), (stored!.Status, stored.LeaseOwner, stored.Progress));
    }

    [Fact]
    public async Task Concurrent_claimers_never_take_the_same_job_twice()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add((await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Id);
        }

        var claimers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await _jobs.Store.ClaimAsync($"worker-{w}", default) is { } claim)
            {
                mine.Add(claim.Id);
            }
            return mine;
        }));
        var claimed = (await Task.WhenAll(claimers)).SelectMany(c => c).ToList();

        Assert.Equal(ids.Order(), claimed.Order());
    }

    [Fact]
    public async Task Another_organization_can_neither_see_nor_cancel_the_job()
    {
        var job = await _jobs.EnqueueAsync(EchoHandler.JobKind, new EchoPayload("x"));

        Assert.Null(await _jobs.GetAsync(job.Id, JobsHarness.OrganizationB));
        Assert.Null(await _jobs.CancelAsync(job.Id, JobsHarness.OrganizationB));
        Assert.Equal(JobStatus.Queued, (await _jobs.GetAsync(job.Id))!.Status);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(7, 600)]
    [InlineData(40, 600)]
    public void Back_off_doubles_from_the_base_and_is_capped(int failedAttempts, double expectedSeconds)
    {
        var options = new JobOptions { RetryBaseSeconds = 10, RetryMaxSeconds = 600 };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.BackOff(failedAttempts));
    }
}
