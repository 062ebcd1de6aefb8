using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Channels;

/// <summary>
/// Saves a conversation's changes together with its reply's delivery: a durable platform job (<see cref="ChannelReplyJob"/>)
/// enqueued in the same database transaction as the stored reply, so a crash after the commit loses nothing and a crash
/// before it leaves neither. Every module shares one database, so the jobs context joins the leads context's connection and
/// transaction (inside an <c>Idempotency-Key</c> request that transaction is the key's).
/// </summary>
public sealed class ReplyQueue(ChannelKeys keys, JobsDbContext jobs, JobQueue queue, JobSignal signal, IOptionsMonitor<LeadsOptions> options)
{
    public static bool GoesOut(string platform) => platform is "telegram" or "whatsapp";

    public async Task SaveAsync(LeadsDbContext db, LeadMessage reply, string recipient, string? businessNumberId, CancellationToken cancellationToken)
    {
        var (_, number, missing) = await keys.OutboundAsync(reply.Platform, businessNumberId, cancellationToken);
        if (missing is not null)
        {
            reply.DeliveryStatus = DeliveryStatuses.Failed;
            reply.DeliveryError = missing;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        reply.DeliveryStatus = DeliveryStatuses.Pending;
        var attempts = options.CurrentValue.ReplyAttempts;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await db.SaveChangesAsync(cancellationToken);
            await jobs.InTransactionOfAsync(db, () => queue.EnqueueAsync(ChannelReplyJob.JobKind,
                new ChannelReplyJob.Payload(reply.Id, recipient, number, attempts), attempts, cancellationToken), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        // The enqueue woke the workers before the commit; once more now that the job can be seen.
        signal.Notify();
    }
}
