using Clientele.Platform.Events;
using Clientele.Platform.Events.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Platform.Retention;

/// <summary>Delivered and dead webhook deliveries of every organization; pending and retrying ones stay.</summary>
public sealed class DeliveryRetention(EventsDbContext db) : IRetentionTask
{
    public string Name => "webhook_deliveries";

    public async Task<int> PurgeAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        RetentionOptions.Cutoff(now, options.DeliveryDays) is { } cutoff
            ? await db.WebhookDeliveries.IgnoreQueryFilters()
                .Where(d => (d.Status == DeliveryStatus.Succeeded && d.DeliveredAt != null && d.DeliveredAt < cutoff)
                    || (d.Status == DeliveryStatus.Dead && d.UpdatedAt < cutoff))
                .ExecuteDeleteAsync(cancellationToken)
            : 0;
}
