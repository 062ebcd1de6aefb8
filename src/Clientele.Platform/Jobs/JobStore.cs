using System.Data.Common;
using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Jobs;

/// <summary>
/// The workers' side of the jobs table: the atomic claim, and "fenced" writes that succeed only while the job is still
/// running under the writer's claim (same owner, same attempt), so a worker that lost its lease can never overwrite
/// the new owner's work.
/// </summary>
public sealed class JobStore(IServiceScopeFactory scopes, DatabaseSettingsAccessor database, IOptions<JobOptions> options, TimeProvider time)
{
    private const int ConcurrencyRetries = 10;

    private const string DueCondition =
        """("Status" = 'queued' AND "RunAfter" <= @now) OR ("Status" = 'running' AND "LeaseExpiresAt" < @now)""";

    // PostgreSQL: SKIP LOCKED lets every worker of every instance take a different row without waiting on each other.
    // SQLite has one writer at a time (the claim runs in BEGIN IMMEDIATE), so a single conditional UPDATE is enough.
    private static readonly string ClaimSql = $$"""
        UPDATE jobs_jobs SET "Status" = 'running', "LeaseOwner" = @owner, "LeaseExpiresAt" = @until, "Attempts" = "Attempts" + 1,
            "StartedAt" = @now, "UpdatedAt" = @now, "Version" = "Version" + 1
        WHERE "Id" = (SELECT "Id" FROM jobs_jobs WHERE {{DueCondition}} ORDER BY "RunAfter", "CreatedAt" LIMIT 1 {0})
        RETURNING "Id", "OrganizationId"
        """;

    private bool IsSqlite => database.Settings.Provider == DatabaseProvider.Sqlite;

    /// <summary>Claims the oldest due job (queued and due, or running with an expired lease) for <paramref name="owner"/>, or returns null.</summary>
    public async Task<JobClaim?> ClaimAsync(string owner, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var now = time.GetUtcNow();
        // A read first, so an idle poll never takes SQLite's write lock.
        if (!await db.Jobs.IgnoreQueryFilters().AnyAsync(
            j => (j.Status == JobStatus.Queued && j.RunAfter <= now) || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now), cancellationToken))
        {
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await ExecuteClaimAsync(db, transaction, owner, now, cancellationToken);
        if (claimed is not { } found)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        var (id, organizationId) = found;
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        var job = await db.Jobs.SingleAsync(j => j.Id == id, cancellationToken);
        db.PublishUpdate(job);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JobClaim(job.Id, job.OrganizationId, job.Kind, job.Payload, job.Attempts, job.MaxAttempts, job.CancelRequested, owner, now);
    }

    private async Task<(Guid Id, Guid OrganizationId)?> ExecuteClaimAsync(
        JobsDbContext db, IDbContextTransaction transaction, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, ClaimSql, IsSqlite ? "" : "FOR UPDATE SKIP LOCKED");
        AddParameter(command, "owner", owner);
        AddParameter(command, "now", Stored(now));
        AddParameter(command, "until", Stored(now + options.Value.Lease));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (ReadGuid(reader.GetValue(0)), ReadGuid(reader.GetValue(1)));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the job if it is still running under <paramref name="claim"/>, publishing an update event
    /// when the change says so. Returns the job as saved, or null when the claim is no longer the job's (lease lost, job gone).
    /// </summary>
    public async Task<Job?> UpdateClaimedAsync(JobClaim claim, Func<Job, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(claim.OrganizationId);
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == claim.Id, cancellationToken);
            if (job is null || job.Status != JobStatus.Running || job.LeaseOwner != claim.Owner || job.Attempts != claim.Attempt)
            {
                return null;
            }
            job.UpdatedAt = time.GetUtcNow();
            if (change(job))
            {
                db.PublishUpdate(job);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return job;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConcurrencyRetries)
            {
                // Someone else wrote the row (a cancel request, a progress report racing a heartbeat): read it again.
            }
        }
    }

    /// <summary>Queued jobs of every organization, for the queue-depth gauge.</summary>
    public async Task<int> CountQueuedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        return await db.Jobs.IgnoreQueryFilters().CountAsync(j => j.Status == JobStatus.Queued, cancellationToken);
    }

    private object Stored(DateTimeOffset value) => IsSqlite ? value.UtcTicks : value;

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static Guid ReadGuid(object value) => value switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text),
        byte[] bytes => new Guid(bytes),
        _ => throw new InvalidOperationException($"Unexpected id value of type {value.GetType().Name}."),
    };
}
