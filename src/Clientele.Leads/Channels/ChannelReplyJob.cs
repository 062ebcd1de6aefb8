using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Shared;
using Clientele.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Channels;

/// <summary>
/// Sends one stored reply to Telegram or WhatsApp with the organization's token (else the server-wide one) and records each
/// attempt on the message. A failure that may pass (network, 5xx, 408, 429) throws, so the platform's job retry backs off
/// and tries again; the platform refusing the message (another 4xx), no token, or the last attempt is <c>failed</c> for good.
/// A reply already sent is not sent again.
/// </summary>
public sealed class ChannelReplyJob(LeadsDbContext db, ChannelKeys keys, IChannelReplies replies, TimeProvider time) : IJobHandler
{
    public const string JobKind = "leads.channel-reply";
    public const string DeliveryUpdated = "message.delivery_updated";

    public sealed record Payload(Guid MessageId, string Recipient, string? BusinessNumberId, int MaxAttempts);

    public sealed class SendFailed(string message) : Exception(message);

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        if (await db.Messages.FirstOrDefaultAsync(m => m.Id == payload.MessageId, cancellationToken) is not { } message)
        {
            return new { delivery = "deleted", message_id = payload.MessageId };
        }
        if (message.DeliveryStatus is DeliveryStatuses.Sent or DeliveryStatuses.Failed)
        {
            return new { delivery = message.DeliveryStatus, attempts = message.DeliveryAttempts };
        }
        var (token, number, missing) = await keys.OutboundAsync(message.Platform, payload.BusinessNumberId, cancellationToken);
        var outcome = token is null
            ? new SendOutcome(false, missing, Permanent: true)
            : await replies.SendAsync(new ChannelReply(message.Platform, payload.Recipient, message.Message, number), token, cancellationToken);
        var final = outcome.Sent || outcome.Permanent || context.Attempt >= payload.MaxAttempts;
        message.DeliveryAttempts = context.Attempt;
        message.DeliveryError = outcome.Error;
        message.DeliveryStatus = outcome.Sent ? DeliveryStatuses.Sent : final ? DeliveryStatuses.Failed : DeliveryStatuses.Retrying;
        message.DeliveredAt = outcome.Sent ? Instants.Now(time) : null;
        if (final)
        {
            LeadsEvents.Publish(db, DeliveryUpdated, new { lead_id = message.LeadId, message = MessageView.Of(message) });
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (!outcome.Sent && !outcome.Permanent)
        {
            throw new SendFailed(outcome.Error ?? "The reply was not sent");
        }
        return new { delivery = message.DeliveryStatus, attempts = message.DeliveryAttempts, error = message.DeliveryError };
    }

    /// <summary>The worker of the last attempt died mid-send: the reply is not sent again, and its delivery ends failed with why.</summary>
    public async Task AbandonedAsync(JobContext context, string reason, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        if (await db.Messages.FirstOrDefaultAsync(m => m.Id == payload.MessageId, cancellationToken) is not { } message
            || message.DeliveryStatus is DeliveryStatuses.Sent or DeliveryStatuses.Failed)
        {
            return;
        }
        message.DeliveryStatus = DeliveryStatuses.Failed;
        message.DeliveryAttempts = Math.Max(message.DeliveryAttempts, context.Attempt - 1);
        message.DeliveryError = reason.Length <= DeliveryStatuses.MaxErrorLength ? reason : reason[..DeliveryStatuses.MaxErrorLength];
        LeadsEvents.Publish(db, DeliveryUpdated, new { lead_id = message.LeadId, message = MessageView.Of(message) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
