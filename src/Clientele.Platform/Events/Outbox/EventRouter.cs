using Clientele.Platform.Events.Email;
using Clientele.Platform.Events.Realtime;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Modules;
using Clientele.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Outbox;

/// <summary>
/// Sends one outbox message on its ways: a delivery row for each matching active webhook of its organization, an alert
/// e-mail row when its type is an alert, then realtime. Rows are unique per event, so routing the same message again
/// (after a crash, or by a second instance) adds nothing.
/// </summary>
public sealed class EventRouter(
    IServiceScopeFactory scopes, OrganizationNames organizations, RealtimeBus realtime, ModuleCatalog catalog, IOptions<EventsOptions> options)
{
    public Task RouteAsync(OutboxMessage message, CancellationToken cancellationToken) => RouteAsync(message, null, cancellationToken);

    /// <param name="message">The outbox row.</param>
    /// <param name="outboxModule">The module whose outbox held it (see <see cref="EventModules"/>).</param>
    /// <param name="cancellationToken">Stops the routing.</param>
    public async Task RouteAsync(OutboxMessage message, string? outboxModule, CancellationToken cancellationToken)
    {
        var envelope = EventEnvelope.From(message, await organizations.GetAsync(message.OrganizationId, cancellationToken))
            with { Module = EventModules.Of(message.Type, message.Payload, outboxModule, catalog) };
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(message.OrganizationId);
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            if (await AddMissingRowsAsync(db, message, envelope, cancellationToken) > 0)
            {
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another dispatcher wrote them first; then nothing is missing any more.
                    db.ChangeTracker.Clear();
                    if (await AddMissingRowsAsync(db, message, envelope, cancellationToken) > 0)
                    {
                        throw;
                    }
                }
            }
        }
        await realtime.PublishAsync(envelope, cancellationToken);
    }

    private async Task<int> AddMissingRowsAsync(EventsDbContext db, OutboxMessage message, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var added = 0;
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        var matching = subscriptions.Where(s => s.Matches(message.Type)).Select(s => s.Id).ToList();
        if (matching.Count > 0)
        {
            var existing = await db.WebhookDeliveries.Where(d => d.EventId == message.EventId).Select(d => d.SubscriptionId).ToListAsync(cancellationToken);
            foreach (var subscription in matching.Except(existing))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    SubscriptionId = subscription,
                    EventId = message.EventId,
                    EventType = message.Type,
                    Payload = envelope.Json,
                    NextAttemptAt = LeaseTime.Now(),
                });
                added++;
            }
        }
        var email = options.Value.Email;
        if (email.Enabled && email.AlertTypes.Contains(message.Type)
            && !await db.EmailAlerts.AnyAsync(a => a.EventId == message.EventId, cancellationToken))
        {
            db.EmailAlerts.Add(new EmailAlert
            {
                EventId = message.EventId,
                EventType = message.Type,
                Subject = $"[Clientele] {message.Type}",
                Body = $"Clientele raised the alert {message.Type} at {EventEnvelope.Timestamp(message.CreatedAt)}.\n\n{envelope.Json}\n",
                NextAttemptAt = LeaseTime.Now(),
            });
            added++;
        }
        return added;
    }
}
