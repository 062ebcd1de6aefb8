using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Leads;

/// <summary><c>GET /api/leads/{lead_id}/status-history</c>: every status change of the lead, oldest first, from <c>leads_status_changes</c>.</summary>
public static class StatusHistoryEndpoints
{
    public sealed record StatusChangeView(string FromStatus, string ToStatus, string ChangedBy, string Via, string? Actor, DateTime ChangedAt)
    {
        public static StatusChangeView Of(StatusChange c) => new(c.FromStatus, c.ToStatus, c.ChangedBy, c.Via, c.Actor, c.ChangedAt.UtcDateTime);
    }

    public sealed record StatusHistory(Guid LeadId, DateTime CreatedAt, IReadOnlyList<StatusChangeView> Changes);

    public static void Map(RouteGroupBuilder leads) =>
        leads.MapGet("/{lead_id}/status-history", ListAsync).WithName("ListLeadStatusChanges")
            .WithSummary("The lead's status changes, oldest first: from, to, by bot or human, through what, who, when.");

    public static Task<List<StatusChange>> ChangesAsync(LeadsDbContext db, Guid leadId, CancellationToken cancellationToken) =>
        db.StatusChanges.AsNoTracking().Where(c => c.LeadId == leadId).OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public static async Task<IResult> ListAsync([FromRoute(Name = "lead_id")] string leadId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(leadId, out var id))
        {
            return Refusals.NotAnId("lead_id");
        }
        if (await db.Leads.AsNoTracking().Where(l => l.Id == id).Select(l => (DateTimeOffset?)l.CreatedAt).FirstOrDefaultAsync(cancellationToken) is not { } created)
        {
            return Refusals.NotFound("Lead");
        }
        var changes = await ChangesAsync(db, id, cancellationToken);
        return TypedResults.Ok(new StatusHistory(id, created.UtcDateTime, changes.Select(StatusChangeView.Of).ToList()));
    }
}
