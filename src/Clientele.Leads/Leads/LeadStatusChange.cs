using Clientele.Leads.Data;
using Clientele.Leads.Shared;

namespace Clientele.Leads.Leads;

public static class LeadStatusChange
{
    /// <summary>
    /// Sets the status, adds its <see cref="StatusChange"/> row and queues <c>leads.lead.status_changed</c>, all saved with the
    /// change; the time is the lead's <c>UpdatedAt</c>, which the caller has set.
    /// </summary>
    public static void Apply(LeadsDbContext db, Lead lead, string status, StatusActor actor)
    {
        var previous = lead.Status;
        lead.Status = status;
        db.StatusChanges.Add(new StatusChange
        {
            LeadId = lead.Id, FromStatus = previous, ToStatus = status, ChangedBy = actor.ChangedBy, Via = actor.Via, Actor = actor.Actor,
            ChangedAt = lead.UpdatedAt,
        });
        LeadsEvents.Publish(db, LeadsEvents.LeadStatusChanged, new { lead = LeadView.Of(lead), previous_status = previous, changed_by = actor.ChangedBy });
    }
}
