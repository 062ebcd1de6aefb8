using System.Diagnostics.Metrics;
using Clientele.Platform.Observability;

namespace Clientele.Platform.Events;

/// <summary>The outbox's lag gauge and the counters of what the dispatcher and the delivery workers did.</summary>
public static class EventsMetrics
{
    private static double _lagSeconds;

    public static readonly Counter<long> Dispatched = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.outbox.dispatched", "{message}", "Outbox messages routed to webhooks, e-mail and realtime.");

    public static readonly Counter<long> DispatchFailed = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.outbox.failed", "{message}", "Outbox messages whose routing failed (retried).");

    public static readonly Counter<long> DispatchDeadLettered = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.outbox.dead_lettered", "{message}", "Outbox messages set aside after every routing attempt failed.");

    public static readonly Counter<long> Delivered = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.webhooks.delivered", "{delivery}", "Webhook deliveries a receiver accepted (2xx).");

    public static readonly Counter<long> DeliveryFailed = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.webhooks.failed", "{attempt}", "Webhook delivery attempts that failed.");

    public static readonly Counter<long> DeliveryDeadLettered = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.webhooks.dead_lettered", "{delivery}", "Webhook deliveries that ran out of attempts.");

    public static readonly Counter<long> EmailsSent = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.email.sent", "{message}", "Alert e-mails SMTP accepted.");

    public static readonly Counter<long> EmailsFailed = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.email.failed", "{attempt}", "Alert e-mail attempts that failed.");

    public static readonly ObservableGauge<double> Lag = ClienteleTelemetry.Meter.CreateObservableGauge(
        "clientele.outbox.lag", () => Volatile.Read(ref _lagSeconds), "s", "Age of the oldest undispatched outbox message.");

    public static double LagSeconds => Volatile.Read(ref _lagSeconds);

    internal static void RecordLag(double seconds) => Volatile.Write(ref _lagSeconds, seconds);
}
