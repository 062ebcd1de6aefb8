using Clientele.Leads.Data;

namespace Clientele.Leads.Shared;

/// <summary>
/// Events of the module, through the organization's outbox in the same SaveChanges as the change: <c>leads.lead.created</c>,
/// <c>leads.lead.status_changed</c>, <c>leads.lead.merged</c>, <c>leads.message.created</c>, <c>leads.campaign.status_changed</c>,
/// and <c>leads.{niche|campaign|ad}.{created|updated|deleted}</c>, <c>leads.spend.created</c>.
/// </summary>
public static class LeadsEvents
{
    public const string LeadCreated = "lead.created";
    public const string LeadStatusChanged = "lead.status_changed";
    public const string LeadMerged = "lead.merged";
    public const string MessageCreated = "message.created";
    public const string CampaignStatusChanged = "campaign.status_changed";

    public static void Publish(LeadsDbContext db, string type, object payload) => db.Publish($"{LeadsModule.Name}.{type}", payload);
}
