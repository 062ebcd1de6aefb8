using System.Diagnostics;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Banking.Offers;
using Clientele.Banking.Recommendations;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Population;

/// <summary>What is stored for an organization: its data version, the version its statistics describe, and whether a build runs.</summary>
public sealed record PopulationStatsState(long DataVersion, long? StatsDataVersion, int? Clients, int? Signals, DateTimeOffset? BuiltAt, bool Building)
{
    public bool Fresh => StatsDataVersion is { } described && described == DataVersion;
}

/// <summary>
/// Population statistics as data: stored per organization with the data version they describe, read by requests, rebuilt by
/// one builder at a time. The guard is a lease on the organization's <see cref="DataVersion"/> row taken with a conditional
/// UPDATE, so it holds across instances; a builder that dies loses it when it expires.
/// </summary>
public sealed class PopulationStatsStore(
    BankingDbContext db, OfferEngine engine, IServiceProvider services, IMemoryCache cache, IOptions<RecommendationOptions> options,
    TimeProvider time, ILogger<PopulationStatsStore> logger)
{
    private static readonly TimeSpan WaitBetweenChecks = TimeSpan.FromMilliseconds(200);

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(options.Value.StatsLeaseSeconds, 1));

    /// <summary>
    /// The statistics a request ranks against: the stored ones (deserialized once per instance and version). When they describe
    /// an older version they are still used and a rebuild job is queued; only when none were ever stored does the call build them.
    /// </summary>
    /// <summary>After an import has committed: build now (the import's caller waits), or leave it to the builder at work.</summary>
    public async Task AfterImportAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureCurrentAsync(force: false, onProgress: null, cancellationToken, wait: false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The import is committed either way; requests answer from the previous statistics and queue a rebuild.
            logger.LogWarning(exception, "Population statistics of organization {OrganizationId} could not be built after an import", db.CurrentOrganizationId);
        }
    }

    public async Task<PopulationStats> CurrentAsync(CancellationToken cancellationToken) =>
        await CurrentAsync(await StateAsync(cancellationToken), cancellationToken);

    /// <summary>As <see cref="CurrentAsync(CancellationToken)"/>, from a state the caller has just read.</summary>
    public async Task<PopulationStats> CurrentAsync(PopulationStatsState state, CancellationToken cancellationToken)
    {
        if (state.StatsDataVersion is null)
        {
            await EnsureCurrentAsync(force: false, onProgress: null, cancellationToken);
            state = await StateAsync(cancellationToken);
        }
        else if (!state.Fresh && !state.Building)
        {
            await QueueRebuildAsync(force: false, cancellationToken);
        }
        return state.BuiltAt is { } builtAt ? await LoadAsync(state.StatsDataVersion!.Value, builtAt, cancellationToken) : PopulationStats.Empty;
    }

    public async Task<PopulationStatsState> StateAsync(CancellationToken cancellationToken)
    {
        // One round trip (every request asks): the version row with the stored statistics' columns as scalar subqueries.
        var version = await db.DataVersions.AsNoTracking().Select(v => new
        {
            v.Version,
            v.StatsLeaseUntil,
            StatsDataVersion = db.PopulationStats.Select(s => (long?)s.DataVersion).FirstOrDefault(),
            Clients = db.PopulationStats.Select(s => (int?)s.Clients).FirstOrDefault(),
            Signals = db.PopulationStats.Select(s => (int?)s.Signals).FirstOrDefault(),
            BuiltAt = db.PopulationStats.Select(s => (DateTimeOffset?)s.BuiltAt).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            var stored = await db.PopulationStats.AsNoTracking()
                .Select(s => new { s.DataVersion, s.Clients, s.Signals, s.BuiltAt }).FirstOrDefaultAsync(cancellationToken);
            return new PopulationStatsState(0, stored?.DataVersion, stored?.Clients, stored?.Signals, stored?.BuiltAt, false);
        }
        return new PopulationStatsState(version.Version, version.StatsDataVersion, version.Clients, version.Signals, version.BuiltAt,
            version.StatsLeaseUntil > time.GetUtcNow());
    }

    /// <summary>Queues <c>banking.population-stats</c> unless the same rebuild is already waiting; returns the job that will do it.</summary>
    public async Task<Job> QueueRebuildAsync(bool force, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the queue knows every job handler, and two of them use this store.
        var queue = services.GetRequiredService<JobQueue>();
        var payload = new PopulationStatsJob.Payload(force);
        var waiting = (await queue.ListAsync(JobStatus.Queued, [BankingModule.Name], JobEndpoints.MaxLimit, cancellationToken))
            .FirstOrDefault(j => j.Kind == PopulationStatsJob.JobKind && JobJson.Read<PopulationStatsJob.Payload>(j.Payload)?.Force == force);
        return waiting ?? await queue.EnqueueAsync(PopulationStatsJob.JobKind, payload, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Makes the stored statistics describe the current data version (with <paramref name="force"/>, also rebuilds them when they
    /// do: after a change of the engine's settings). Waits while another builder holds the lease, unless <paramref name="wait"/>
    /// is false (that builder goes on until the statistics describe the latest version). True when this call built them.
    /// </summary>
    public async Task<bool> EnsureCurrentAsync(bool force, Func<long, long, Task>? onProgress, CancellationToken cancellationToken, bool wait = true)
    {
        var asked = time.GetUtcNow();
        var builder = Guid.NewGuid().ToString("N");
        while (true)
        {
            var state = await StateAsync(cancellationToken);
            if (state.Fresh && (!force || state.BuiltAt >= asked))
            {
                return false;
            }
            if (state.DataVersion == 0)
            {
                await CreateVersionAsync(cancellationToken);
                continue;
            }
            if (await TryLeaseAsync(builder, cancellationToken))
            {
                try
                {
                    await BuildWhileChangingAsync(builder, onProgress, cancellationToken);
                }
                finally
                {
                    await ReleaseAsync(builder);
                }
                return true;
            }
            if (!wait)
            {
                return false;
            }
            await Task.Delay(WaitBetweenChecks, time, cancellationToken);
        }
    }

    /// <summary>Builds, stores, and builds again when an import raised the version meanwhile.</summary>
    private async Task BuildWhileChangingAsync(string builder, Func<long, long, Task>? onProgress, CancellationToken cancellationToken)
    {
        var version = await DataVersions.CurrentAsync(db, cancellationToken);
        while (true)
        {
            var clock = Stopwatch.StartNew();
            var total = await db.Clients.LongCountAsync(cancellationToken);
            var done = 0L;
            var renewed = Stopwatch.StartNew();
            // Features are written through a context of their own: the caller's (an import's) change tracker stays out of it.
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(db.CurrentOrganizationId);
            var writer = scope.ServiceProvider.GetRequiredService<BankingDbContext>();
            var stats = await PopulationStatsReader.BuildAsync(db, engine, Math.Max(1, options.Value.PageSize), async page =>
            {
                await ClientFeaturesStore.WritePageAsync(writer, version, page, cancellationToken);
                done += page.Count;
                if (renewed.Elapsed > Lease / 3)
                {
                    await RenewAsync(builder, cancellationToken);
                    renewed.Restart();
                }
                if (onProgress is not null)
                {
                    await onProgress(done, total);
                }
            }, cancellationToken);
            await RenewAsync(builder, cancellationToken);
            await ClientFeaturesStore.DeleteOtherVersionsAsync(writer, version, cancellationToken);
            await SaveAsync(version, stats, cancellationToken);
            logger.LogInformation("Population statistics of organization {OrganizationId} built for data version {DataVersion}: {Clients} clients in {ElapsedMs} ms",
                db.CurrentOrganizationId, version, stats.Clients, clock.ElapsedMilliseconds);
            var now = await DataVersions.CurrentAsync(db, cancellationToken);
            if (now == version)
            {
                return;
            }
            version = now;
        }
    }

    /// <summary>Set-based, so the caller's change tracker (an import's, with detection off) plays no part.</summary>
    private async Task SaveAsync(long version, PopulationStats stats, CancellationToken cancellationToken)
    {
        var bytes = stats.ToBytes(Math.Max(2, options.Value.StatsMaxValuesPerSignal));
        var builtAt = time.GetUtcNow();
        var updated = await db.PopulationStats.ExecuteUpdateAsync(set => set
            .SetProperty(s => s.DataVersion, version)
            .SetProperty(s => s.Clients, stats.Clients)
            .SetProperty(s => s.Signals, stats.Signals)
            .SetProperty(s => s.Values, bytes)
            .SetProperty(s => s.BuiltAt, builtAt), cancellationToken);
        if (updated == 0)
        {
            db.PopulationStats.Add(new StoredPopulationStats
            {
                DataVersion = version, Clients = stats.Clients, Signals = stats.Signals, Values = bytes, BuiltAt = builtAt,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<PopulationStats> LoadAsync(long version, DateTimeOffset builtAt, CancellationToken cancellationToken)
    {
        var key = $"banking:population-stats:{db.CurrentOrganizationId}:{version}:{builtAt.UtcTicks}";
        if (cache.TryGetValue(key, out PopulationStats? loaded) && loaded is not null)
        {
            return loaded;
        }
        var bytes = await db.PopulationStats.AsNoTracking().Select(s => s.Values).FirstOrDefaultAsync(cancellationToken);
        loaded = bytes is null ? PopulationStats.Empty : PopulationStats.FromBytes(bytes);
        cache.Set(key, loaded, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
        return loaded;
    }

    private async Task<bool> TryLeaseAsync(string builder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + Lease;
        return await db.DataVersions.Where(v => v.StatsLeaseUntil == null || v.StatsLeaseUntil < now)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.StatsBuilder, builder).SetProperty(v => v.StatsLeaseUntil, until), cancellationToken) == 1;
    }

    private async Task RenewAsync(string builder, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + Lease;
        if (await db.DataVersions.Where(v => v.StatsBuilder == builder)
                .ExecuteUpdateAsync(set => set.SetProperty(v => v.StatsLeaseUntil, until), cancellationToken) == 0)
        {
            throw new InvalidOperationException("The population statistics lease expired while building; another builder took over.");
        }
    }

    private async Task ReleaseAsync(string builder) =>
        await db.DataVersions.Where(v => v.StatsBuilder == builder)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.StatsBuilder, (string?)null).SetProperty(v => v.StatsLeaseUntil, (DateTimeOffset?)null), CancellationToken.None);

    private async Task<bool> CreatedMeanwhileAsync()
    {
        db.ChangeTracker.Clear();
        return await DataVersions.CurrentAsync(db, CancellationToken.None) > 0;
    }

    /// <summary>Data stored before versions existed (or demo data) gets version 1; a concurrent creator wins harmlessly.</summary>
    private async Task CreateVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DataVersions.BumpAsync(db, time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await CreatedMeanwhileAsync())
            {
                throw;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
