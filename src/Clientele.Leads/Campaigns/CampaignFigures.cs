using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Campaigns;

/// <summary>A campaign's live numbers: spend from its spend records, its ads, its attributed leads by status.</summary>
public sealed record CampaignFigures(decimal Spent, int AdsCount, IReadOnlyDictionary<string, int> LeadsByStatus)
{
    public static readonly CampaignFigures None = new(0m, 0, new Dictionary<string, int>());

    public int LeadsCount => LeadsByStatus.Values.Sum();

    public int Count(IEnumerable<string> statuses) => statuses.Sum(s => LeadsByStatus.GetValueOrDefault(s));

    public int QualifiedLeads => Count(LeadStatuses.ReachedQualification);

    /// <summary>spent / total leads, 0 without leads (the original's behaviour), two decimals.</summary>
    public decimal Cpl => LeadsCount == 0 ? 0m : decimal.Round(Spent / LeadsCount, 2);

    /// <summary>qualified / total × 100, one decimal.</summary>
    public decimal ConversionRate => LeadsCount == 0 ? 0m : decimal.Round(QualifiedLeads * 100m / LeadsCount, 1, MidpointRounding.AwayFromZero);

    public static async Task<Dictionary<Guid, CampaignFigures>> OfAsync(LeadsDbContext db, IReadOnlyCollection<Guid> campaigns, CancellationToken cancellationToken)
    {
        // SQLite cannot sum decimals in SQL; the amounts of these campaigns are summed here.
        var spend = await db.Spend.AsNoTracking().Where(s => campaigns.Contains(s.CampaignId))
            .Select(s => new { s.CampaignId, s.Amount }).ToListAsync(cancellationToken);
        var ads = await db.Ads.AsNoTracking().Where(a => campaigns.Contains(a.CampaignId))
            .GroupBy(a => a.CampaignId).Select(g => new { Campaign = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking().Where(l => l.CampaignId != null && campaigns.Contains(l.CampaignId.Value))
            .GroupBy(l => new { l.CampaignId, l.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        return campaigns.ToDictionary(id => id, id => new CampaignFigures(
            spend.Where(s => s.CampaignId == id).Sum(s => s.Amount),
            ads.FirstOrDefault(a => a.Campaign == id)?.Count ?? 0,
            leads.Where(l => l.CampaignId == id).ToDictionary(l => l.Status, l => l.Count)));
    }
}
