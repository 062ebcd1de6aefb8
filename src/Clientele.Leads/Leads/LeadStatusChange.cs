using Clientele.Leads.Data;
using Clientele.Leads.Shared;

namespace Clientele.Leads.Leads;

public static class LeadStatusChange
{
    /// <summary>Sets the status and queues <c>leads.lead.status_changed</c> (saved with the change); <paramref name="by"/> is bot or human.</summary>
    public static void Apply(LeadsDbContext db, Lead lead, string status, string by)
    {
        var previous = lead.Status;
        lead.Status = status;
        LeadsEvents.Publish(db, LeadsEvents.LeadStatusChanged, new { lead = LeadView.Of(lead), previous_status = previous, changed_by = by });
    }
}
