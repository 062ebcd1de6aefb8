using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>
/// Sends due webhook deliveries. A worker claims a delivery by moving its <c>NextAttemptAt</c> to the end of a lease with a
/// compare-and-set, so instances sharing a database never send the same attempt twice, and a delivery whose worker died is
/// taken again when the lease ends. A 2xx succeeds; anything else retries with exponential back-off until
/// <see cref="WebhookOptions.MaxAttempts"/>, then the delivery is dead (dead letter) until someone re-delivers it.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookSecrets secrets, IOptions<EventsOptions> options, ILogger<WebhookDeliveryWorker> logger)
    : BackgroundService
{
    private WebhookOptions Settings => options.Value.Webhooks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.DeliveryEnabled)
        {
            return;
        }
        await PollingRounds.RunAsync(RunOnceAsync, () => Settings.Poll, logger, "webhook delivery", stoppingToken);
    }

    /// <summary>Claims and sends one batch of due deliveries; returns how many it sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(Settings.Parallelism, 1), CancellationToken = cancellationToken },
            async (delivery, ct) =>
            {
                try
                {
                    await SendAsync(delivery, ct);
                }
                catch (Exception exception) when (!ct.IsCancellationRequested)
                {
                    // Its lease runs out and another round takes it again; the others in the batch go on.
                    LogDeliveryCrashed(logger, delivery.Id, exception);
                }
            });
        return claimed.Count;
    }

    private async Task<List<WebhookDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = LeaseTime.Now();
        var due = await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Failed) && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(Math.Max(Settings.Parallelism, 1) * 4)
            .Select(d => new { d.Id, d.NextAttemptAt, d.Status })
            .ToListAsync(cancellationToken);
        var lease = LeaseTime.Truncate(now + Settings.Timeout + TimeSpan.FromSeconds(30));
        var claimed = new List<Guid>();
        foreach (var candidate in due)
        {
            var won = await db.WebhookDeliveries.IgnoreQueryFilters()
                .Where(d => d.Id == candidate.Id && d.Status == candidate.Status && d.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
            if (won == 1)
            {
                claimed.Add(candidate.Id);
            }
        }
        return claimed.Count == 0 ? [] : await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => claimed.Contains(d.Id) && d.NextAttemptAt == lease).ToListAsync(cancellationToken);
    }

    private async Task SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var subscription = await db.WebhookSubscriptions.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        int? statusCode = null;
        string? error;
        if (subscription is null || !subscription.Active)
        {
            error = "The subscription is inactive";
            await FinishAsync(db, delivery, DeliveryStatus.Dead, null, error, cancellationToken);
            return;
        }
        using (var activity = Observability.ClienteleTelemetry.Source.StartActivity("webhook.deliver"))
        {
            activity?.SetTag("clientele.event.type", delivery.EventType);
            activity?.SetTag("clientele.delivery.attempt", delivery.Attempts);
            try
            {
                using var request = WebhookSignature.Request(new Uri(subscription.Url), secrets.Reveal(subscription.Secret), delivery.Payload, delivery.EventType, delivery.EventId, delivery.Id);
                using var response = await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, cancellationToken);
                statusCode = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"HTTP {statusCode}: {Shorten(await WebhookVerifier.ReadLimitedAsync(response, cancellationToken), 300)}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException && !cancellationToken.IsCancellationRequested)
            {
                error = Describe(exception);
            }
            activity?.SetTag("http.response.status_code", statusCode);
        }
        if (error is null)
        {
            EventsMetrics.Delivered.Add(1);
            await FinishAsync(db, delivery, DeliveryStatus.Succeeded, statusCode, null, cancellationToken);
            return;
        }
        EventsMetrics.DeliveryFailed.Add(1);
        var dead = delivery.Attempts >= Settings.MaxAttempts;
        if (dead)
        {
            EventsMetrics.DeliveryDeadLettered.Add(1);
            LogDeadLettered(logger, delivery.Id, delivery.EventType, delivery.Attempts, error);
        }
        await FinishAsync(db, delivery, dead ? DeliveryStatus.Dead : DeliveryStatus.Failed, statusCode, error, cancellationToken);
    }

    /// <summary>Records the attempt, unless the delivery was re-delivered (or re-claimed) meanwhile: then the row is no longer ours.</summary>
    private async Task FinishAsync(EventsDbContext db, WebhookDelivery delivery, DeliveryStatus status, int? statusCode, string? error, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? next = status == DeliveryStatus.Failed ? LeaseTime.Truncate(now + Settings.BackOff(delivery.Attempts)) : null;
        DateTimeOffset? delivered = status == DeliveryStatus.Succeeded ? now : null;
        var lease = delivery.NextAttemptAt;
        await db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.Id == delivery.Id && d.NextAttemptAt == lease && d.Attempts == delivery.Attempts)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(d => d.Status, status);
                s.SetProperty(d => d.NextAttemptAt, next);
                s.SetProperty(d => d.LastStatusCode, statusCode);
                s.SetProperty(d => d.UpdatedAt, now);
                if (error is not null)
                {
                    s.SetProperty(d => d.LastError, Shorten(error, 1000));
                }
                if (delivered is not null)
                {
                    s.SetProperty(d => d.DeliveredAt, delivered);
                }
            }, cancellationToken);
    }

    /// <summary>A failure in words, for the delivery log: the innermost useful message, without stack traces.</summary>
    public static string Describe(Exception exception)
    {
        if (exception is TaskCanceledException { InnerException: TimeoutException } or TaskCanceledException)
        {
            return "The receiver did not answer in time";
        }
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!messages.Contains(e.Message))
            {
                messages.Add(e.Message);
            }
        }
        return Shorten(string.Join(" → ", messages), 1000);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(LogLevel.Error, "Recording webhook delivery {DeliveryId} failed")]
    private static partial void LogDeliveryCrashed(ILogger logger, Guid deliveryId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Webhook delivery {DeliveryId} of {EventType} is dead after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid deliveryId, string eventType, int attempts, string error);
}
