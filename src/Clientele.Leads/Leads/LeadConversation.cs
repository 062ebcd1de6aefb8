using System.Text.Json;
using Clientele.Leads.Channels;
using Clientele.Leads.Data;
using Clientele.Leads.Qualification;
using Clientele.Leads.Shared;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Leads;

/// <summary>
/// A message joins a lead's conversation: the bot re-reads the conversation, answers a lead as sender <c>bot</c> (until a
/// person has written), and keeps quality_score, the per-factor explanation and the status up to date. A status a person
/// set is never moved by the bot; won and lost are never left by it. A reply, or a person's message, to a Telegram or
/// WhatsApp lead is queued for delivery in the same transaction (<see cref="ReplyQueue"/>).
/// </summary>
public sealed class LeadConversation(LeadsDbContext db, QualificationBot bot, ReplyQueue replies, TimeProvider time)
{
    public sealed record Added(LeadMessage Message, LeadMessage? Reply, Lead Lead);

    public async Task<Added> AddAsync(Lead lead, string text, string sender, string platform, string? platformMessageId, string? businessNumberId,
        CancellationToken cancellationToken)
    {
        var now = Instants.Now(time);
        var history = await db.Messages.AsNoTracking().Where(m => m.LeadId == lead.Id)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var message = new LeadMessage { LeadId = lead.Id, Message = text, Sender = sender, Platform = platform, PlatformMessageId = platformMessageId, CreatedAt = now };
        db.Messages.Add(message);
        LeadsEvents.Publish(db, LeadsEvents.MessageCreated, new { lead_id = lead.Id, message = MessageView.Of(message) });

        var niche = lead.NicheId is { } nicheId ? await db.Niches.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nicheId, cancellationToken) : null;
        var state = ConversationState.Start(niche?.Category, new LeadProfile(lead.Name, lead.PhoneE164, lead.Budget, lead.Source), niche?.Name) with
        {
            Messages = history.Select(m => new ConversationMessage(m.Sender, m.Message, m.Step)).ToList(),
        };
        var turn = await bot.ReplyAsync(state, new ConversationMessage(sender, text), cancellationToken);
        LeadMessage? reply = null;
        if (turn.Reply is { } answer)
        {
            reply = new LeadMessage { LeadId = lead.Id, Message = answer.Text, Sender = Senders.Bot, Platform = platform, Step = answer.Step, CreatedAt = now.AddMilliseconds(1) };
            db.Messages.Add(reply);
            LeadsEvents.Publish(db, LeadsEvents.MessageCreated, new { lead_id = lead.Id, message = MessageView.Of(reply) });
        }
        lead.QualityScore = turn.Assessment.QualityScore;
        lead.Qualification = Explain(turn.Assessment);
        lead.UpdatedAt = now;
        var earned = turn.Assessment.Status.WireName();
        if (!lead.StatusSetByHuman && lead.Status is not (LeadStatuses.Won or LeadStatuses.Lost) && earned != lead.Status && LeadStatuses.CanMove(lead.Status, earned))
        {
            LeadStatusChange.Apply(db, lead, earned, StatusActor.Bot);
        }
        // The bot's reply, or a person's message (the bot is then silent), goes out to the lead's chat the same durable way.
        var outgoing = reply ?? (sender == Senders.Human ? message : null);
        if (outgoing is not null && lead.PlatformUserId is { } recipient && lead.Source == platform && ReplyQueue.GoesOut(platform))
        {
            await replies.SaveAsync(db, outgoing, recipient, businessNumberId, cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return new Added(message, reply, lead);
    }

    public static string Explain(Assessment assessment) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["quality_score"] = assessment.QualityScore,
        ["status"] = assessment.Status.WireName(),
        ["status_reason"] = assessment.StatusReason,
        ["language"] = assessment.Language.Code(),
        ["factors"] = assessment.Factors.Select(f => new Dictionary<string, object>
        {
            ["factor"] = f.Factor.WireName(), ["evidence"] = Wire(f.Evidence.ToString()), ["points"] = f.Points, ["max_points"] = f.MaxPoints,
            ["explanation"] = f.Explanation,
        }).ToList(),
        ["spam"] = assessment.Spam.Select(s => new Dictionary<string, object>
        {
            ["signal"] = Wire(s.Signal.ToString()), ["penalty"] = s.Penalty, ["quote"] = s.Quote,
        }).ToList(),
        ["budget"] = assessment.Budget?.ToString(),
        ["urgency"] = assessment.Urgency is { } urgency ? Wire(urgency.ToString()) : null,
        ["authority"] = assessment.Authority is { } authority ? Wire(authority.ToString()) : null,
    });

    private static string Wire(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
