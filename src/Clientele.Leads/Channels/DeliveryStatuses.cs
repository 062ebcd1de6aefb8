using Clientele.Leads.Leads;

namespace Clientele.Leads.Channels;

/// <summary>
/// Where a reply to a Telegram or WhatsApp lead stands: <c>pending</c> (queued, not tried yet), <c>retrying</c> (an attempt
/// failed, another is due), <c>sent</c> (the platform accepted it), <c>failed</c> (refused for good, out of attempts, or
/// nothing to send it with).
/// </summary>
public static class DeliveryStatuses
{
    public const string Pending = "pending";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const int MaxErrorLength = 1000;

    public static string Cut(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}

/// <summary>A message's <c>delivery</c>: null for messages that do not go out to a platform.</summary>
public sealed record DeliveryView(string Status, int Attempts, string? Error, DateTime? SentAt)
{
    public static DeliveryView? Of(LeadMessage message) => message.DeliveryStatus is { } status
        ? new DeliveryView(status, message.DeliveryAttempts, message.DeliveryError, message.DeliveredAt?.UtcDateTime)
        : null;
}
