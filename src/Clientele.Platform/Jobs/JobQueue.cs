using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Jobs;

/// <summary>Jobs of the current organization: enqueue, read, cancel. Workers do the rest.</summary>
public sealed class JobQueue(
    JobsDbContext db, TenantContext tenant, IEnumerable<IJobHandler> handlers, JobSignal signal, IOptions<JobOptions> options, TimeProvider time)
{
    public const int MaxAttemptsLimit = 100;

    /// <summary>Queues a job of <paramref name="kind"/> for the current organization; the change event is stored with it.</summary>
    public async Task<Job> EnqueueAsync(string kind, object? payload = null, int? maxAttempts = null, CancellationToken cancellationToken = default)
    {
        if (!tenant.HasOrganization)
        {
            throw new InvalidOperationException("A job can only be enqueued for an organization.");
        }
        if (!handlers.Any(h => h.Kind == kind))
        {
            throw new InvalidOperationException($"No handler is registered for job kind '{kind}'.");
        }
        var attempts = maxAttempts ?? options.Value.DefaultMaxAttempts;
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1, nameof(maxAttempts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attempts, MaxAttemptsLimit, nameof(maxAttempts));
        var now = time.GetUtcNow();
        var job = new Job
        {
            Kind = kind,
            Module = ModuleOf(kind),
            Payload = JobJson.Write(payload ?? new { }),
            MaxAttempts = attempts,
            Message = "Queued",
            RunAfter = now,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        db.PublishUpdate(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return job;
    }

    /// <summary>A job of the current organization, limited to <paramref name="modules"/> when given; null when there is none.</summary>
    public Task<Job?> GetAsync(Guid id, IReadOnlyCollection<string>? modules = null, CancellationToken cancellationToken = default) =>
        Visible(modules).AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    /// <summary>The current organization's jobs, newest first.</summary>
    public Task<List<Job>> ListAsync(string? status = null, IReadOnlyCollection<string>? modules = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var jobs = Visible(modules).AsNoTracking();
        if (status is not null)
        {
            jobs = jobs.Where(j => j.Status == status);
        }
        return jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// A queued job is cancelled at once; a running one is asked to stop (its worker sees the request at its next heartbeat or
    /// progress report). A finished job is returned unchanged. Null when the job is not the organization's.
    /// </summary>
    public async Task<Job?> CancelAsync(Guid id, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null || job.IsFinished)
            {
                return job;
            }
            var now = time.GetUtcNow();
            job.CancelRequested = true;
            job.UpdatedAt = now;
            if (job.Status == JobStatus.Queued)
            {
                job.Status = JobStatus.Cancelled;
                job.FinishedAt = now;
                job.Message = "Cancelled";
            }
            else
            {
                job.Message = "Cancel requested";
            }
            db.PublishUpdate(job);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return job;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A worker claimed or updated the job meanwhile: decide again on what it is now.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The module a kind belongs to: the part before the first dot.</summary>
    public static string ModuleOf(string kind) => kind.Split('.', 2)[0];

    private IQueryable<Job> Visible(IReadOnlyCollection<string>? modules) =>
        modules is null ? db.Jobs : db.Jobs.Where(j => modules.Contains(j.Module));
}
