using System.Security.Claims;
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

/// <summary>
/// <c>POST /api/leads/{lead_id}/merge</c> <c>{"lead_id": other}</c>: the other lead's messages move to this one (both
/// conversations kept, in time order) and the other is deleted. The merged lead keeps the earliest created_at, the higher
/// quality_score, the status furthest along the funnel, and fills its empty fields from the other.
/// </summary>
public static class MergeEndpoints
{
    public sealed record MergeInput(string? LeadId = null);

    public static void Map(RouteGroupBuilder leads) =>
        leads.MapPost("/{lead_id}/merge", MergeAsync).WithName("MergeLeads")
            .WithSummary("Merges another lead (body lead_id) into this one, keeping both conversations.").RequireWriteAccess(LeadsModule.Name).Idempotent();

    public static async Task<IResult> MergeAsync([FromRoute(Name = "lead_id")] string leadId, MergeInput request, LeadsDbContext db, TimeProvider time,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(leadId, out var id))
        {
            return Refusals.NotAnId("lead_id");
        }
        var checks = new Checks();
        if (request.LeadId is null)
        {
            checks.Add("lead_id", "Field required", "missing");
        }
        var otherId = checks.Uuid("lead_id", request.LeadId);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        if (await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } kept)
        {
            return Refusals.NotFound("Lead");
        }
        if (otherId == id)
        {
            return Refusals.BadRequest("A lead cannot be merged into itself");
        }
        if (await db.Leads.FirstOrDefaultAsync(l => l.Id == otherId, cancellationToken) is not { } merged)
        {
            return Refusals.BadRequest($"Lead {otherId} not found");
        }
        var moved = await db.Messages.Where(m => m.LeadId == merged.Id).ToListAsync(cancellationToken);
        foreach (var message in moved)
        {
            message.LeadId = kept.Id;
        }
        kept.CreatedAt = kept.CreatedAt <= merged.CreatedAt ? kept.CreatedAt : merged.CreatedAt;
        kept.QualityScore = Math.Max(kept.QualityScore ?? -1, merged.QualityScore ?? -1) is var score and >= 0 ? score : null;
        kept.Qualification = kept.QualityScore == merged.QualityScore && merged.Qualification is not null ? merged.Qualification : kept.Qualification;
        kept.Phone ??= merged.Phone;
        kept.PhoneE164 ??= merged.PhoneE164;
        kept.PlatformUserId ??= merged.PlatformUserId;
        kept.Budget ??= merged.Budget;
        (kept.AdId, kept.CampaignId, kept.NicheId) = kept.CampaignId is null ? (merged.AdId, merged.CampaignId, merged.NicheId) : (kept.AdId, kept.CampaignId, kept.NicheId);
        kept.Notes = (kept.Notes, merged.Notes) switch
        {
            (null, var other) => other,
            (var own, null) => own,
            (var own, var other) => $"{own}\n{other}" is { Length: <= LeadsDbContext.MaxTextLength } both ? both : own,
        };
        kept.StatusSetByHuman |= merged.StatusSetByHuman;
        kept.UpdatedAt = Instants.Now(time);
        if (LeadStatuses.Rank(merged.Status) > LeadStatuses.Rank(kept.Status))
        {
            LeadStatusChange.Apply(db, kept, merged.Status, StatusActor.Human("merge", user));
        }
        db.Leads.Remove(merged);
        LeadsEvents.Publish(db, LeadsEvents.LeadMerged, new { lead = LeadView.Of(kept), merged_lead_id = merged.Id, moved_messages = moved.Count });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LeadDetail.Of(kept, await MessageEndpoints.ConversationAsync(db, kept.Id, cancellationToken)));
    }
}
