using Clientele.Platform.Data;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Outbox;

/// <summary>
/// Polls every module's outbox (oldest first, in batches) and routes each message; marks it dispatched afterwards. On
/// PostgreSQL a batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so instances take different messages; routing is
/// idempotent anyway, so a message routed twice (a crash before it was marked) delivers nothing twice.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases, EventRouter router, IOptions<EventsOptions> options, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private readonly List<ModuleDatabase> _databases = databases.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchEnabled)
        {
            return;
        }
        await PollingRounds.RunAsync(RunOnceAsync, () => options.Value.Poll, logger, "outbox dispatch", stoppingToken);
    }

    /// <summary>One batch from every module's outbox; returns how many messages were handled, and records the lag.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        DateTimeOffset? oldest = null;
        foreach (var database in _databases)
        {
            try
            {
                var dispatched = await DispatchAsync(database, cancellationToken);
                handled += dispatched;
                // An empty batch means nothing waits in this outbox: an idle server asks each outbox once a round, not twice.
                var waiting = dispatched == 0 ? null : await OldestWaitingAsync(database, cancellationToken);
                oldest = waiting is { } w && (oldest is null || w < oldest) ? w : oldest;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogModuleFailed(logger, database.Module, exception);
            }
        }
        EventsMetrics.RecordLag(oldest is { } o ? Math.Max((DateTimeOffset.UtcNow - o).TotalSeconds, 0) : 0);
        return handled;
    }

    private async Task<int> DispatchAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = (TenantDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var settings = options.Value;
        var postgres = db.Database.IsNpgsql();
        await using var claim = postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var batch = postgres
            ? await db.Outbox.FromSqlRaw(ClaimSql(db), Math.Max(settings.BatchSize, 1)).IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken)
            : await db.Outbox.IgnoreQueryFilters().AsNoTracking().Where(m => m.DispatchedAt == null).OrderBy(m => m.Id)
                .Take(Math.Max(settings.BatchSize, 1)).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }
        var routed = new List<long>();
        foreach (var message in batch)
        {
            try
            {
                await router.RouteAsync(message, database.Module, cancellationToken);
                routed.Add(message.Id);
                EventsMetrics.Dispatched.Add(1, new KeyValuePair<string, object?>("module", database.Module), new KeyValuePair<string, object?>("type", message.Type));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(db, database.Module, message, exception, cancellationToken);
            }
        }
        var now = DateTimeOffset.UtcNow;
        await db.Outbox.IgnoreQueryFilters().Where(m => routed.Contains(m.Id) && m.DispatchedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, now), cancellationToken);
        if (claim is not null)
        {
            await claim.CommitAsync(cancellationToken);
        }
        return batch.Count;
    }

    /// <summary>Counts the failure; after <see cref="EventsOptions.MaxDispatchAttempts"/> the message is set aside, its error kept.</summary>
    private async Task RecordFailureAsync(TenantDbContext db, string module, OutboxMessage message, Exception exception, CancellationToken cancellationToken)
    {
        EventsMetrics.DispatchFailed.Add(1, new KeyValuePair<string, object?>("module", module));
        var attempts = message.Attempts + 1;
        var dead = attempts >= options.Value.MaxDispatchAttempts;
        var error = Webhooks.WebhookDeliveryWorker.Describe(exception);
        DateTimeOffset? setAside = dead ? DateTimeOffset.UtcNow : null;
        LogMessageFailed(logger, message.Type, message.EventId, module, attempts, exception);
        if (dead)
        {
            EventsMetrics.DispatchDeadLettered.Add(1, new KeyValuePair<string, object?>("module", module));
        }
        await db.Outbox.IgnoreQueryFilters().Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error).SetProperty(m => m.DispatchedAt, setAside), cancellationToken);
    }

    private async Task<DateTimeOffset?> OldestWaitingAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = (TenantDbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var oldest = await db.Outbox.IgnoreQueryFilters().AsNoTracking().Where(m => m.DispatchedAt == null).OrderBy(m => m.Id)
            .Select(m => new { m.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        return oldest?.CreatedAt;
    }

    private static string ClaimSql(TenantDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName(table) + "\"";
        return "SELECT * FROM \"" + entity.GetTableName() + "\" WHERE " + Column(nameof(OutboxMessage.DispatchedAt)) + " IS NULL ORDER BY "
            + Column(nameof(OutboxMessage.Id)) + " LIMIT {0} FOR UPDATE SKIP LOCKED";
    }

    [LoggerMessage(LogLevel.Error, "Dispatching the outbox of module {Module} failed")]
    private static partial void LogModuleFailed(ILogger logger, string module, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Routing event {EventType} {EventId} of module {Module} failed (attempt {Attempts})")]
    private static partial void LogMessageFailed(ILogger logger, string eventType, Guid eventId, string module, int attempts, Exception exception);
}
