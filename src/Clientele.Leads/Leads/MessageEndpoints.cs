using Clientele.Leads.Channels;
using Clientele.Leads.Data;
using Clientele.Leads.Idempotency;
using Clientele.Leads.Shared;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Leads;

/// <summary>Seed 004's conversation of a lead: add a message (the bot answers a lead's), list them oldest first.</summary>
public static class MessageEndpoints
{
    public sealed record MessageInput(string? Message = null, string? Sender = null, string? Platform = null);

    /// <summary>The seed's answer (id, lead_id, message, sender, platform, created_at), then the bot's reply and the lead's new standing.</summary>
    public sealed record MessageCreated(
        Guid Id, Guid LeadId, string Message, string Sender, string Platform, DateTime CreatedAt, MessageView? BotReply, int? QualityScore, string LeadStatus,
        DeliveryView? Delivery);

    public sealed record Conversation(Guid LeadId, IReadOnlyList<MessageView> Messages);

    public static void Map(RouteGroupBuilder leads)
    {
        leads.MapPost("/{lead_id}/messages", CreateAsync).WithName("AddLeadMessage")
            .WithSummary("Adds a message; a lead's message gets the bot's answer (bot_reply) until a person (sender human) joins.")
            .RequireWriteAccess(LeadsModule.Name).Idempotent();
        leads.MapGet("/{lead_id}/messages", ListAsync).WithName("ListLeadMessages").WithSummary("The lead's messages, oldest first.");
    }

    public static async Task<List<LeadMessage>> ConversationAsync(LeadsDbContext db, Guid leadId, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);

    public static async Task<IResult> CreateAsync([FromRoute(Name = "lead_id")] string leadId, MessageInput request, LeadsDbContext db,
        LeadConversation conversation, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(leadId, out var id))
        {
            return Refusals.NotAnId("lead_id");
        }
        if (await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } lead)
        {
            return Refusals.NotFound("Lead");
        }
        var checks = new Checks();
        var text = checks.Text("message", request.Message, LeadsDbContext.MaxTextLength);
        var sender = checks.OneOf("sender", request.Sender, LeadSources.Senders);
        var platform = request.Platform is null ? lead.Source is var source && LeadSources.MessagePlatforms.Contains(source) ? source : "whatsapp"
            : checks.OneOf("platform", request.Platform, LeadSources.MessagePlatforms);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        var added = await conversation.AddAsync(lead, text, sender, platform, null, null, cancellationToken);
        var message = added.Message;
        return TypedResults.Ok(new MessageCreated(message.Id, lead.Id, message.Message, message.Sender, message.Platform, message.CreatedAt.UtcDateTime,
            added.Reply is { } reply ? MessageView.Of(reply) : null, lead.QualityScore, lead.Status, DeliveryView.Of(message)));
    }

    public static async Task<IResult> ListAsync([FromRoute(Name = "lead_id")] string leadId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(leadId, out var id))
        {
            return Refusals.NotAnId("lead_id");
        }
        if (!await db.Leads.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return Refusals.NotFound("Lead");
        }
        return TypedResults.Ok(new Conversation(id, (await ConversationAsync(db, id, cancellationToken)).Select(MessageView.Of).ToList()));
    }
}
