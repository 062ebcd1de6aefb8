using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Shared;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Import;

/// <summary>
/// The organization's niches, campaigns and ads, read once per import, so that a line's attribution (by id or by name) is
/// checked without a query per line. As <see cref="Attribution"/>: an ad gives its campaign and niche, a campaign its niche.
/// </summary>
internal sealed class Places
{
    private sealed record Named(Guid Id, string Name, Guid? Parent);

    private List<Named> _niches = [];
    private List<Named> _campaigns = [];
    private List<Named> _ads = [];

    public static async Task<Places> LoadAsync(LeadsDbContext db, CancellationToken cancellationToken) => new()
    {
        _niches = await db.Niches.AsNoTracking().Select(n => new Named(n.Id, n.Name, null)).ToListAsync(cancellationToken),
        _campaigns = await db.Campaigns.AsNoTracking().Select(c => new Named(c.Id, c.Name, c.NicheId)).ToListAsync(cancellationToken),
        _ads = await db.Ads.AsNoTracking().Select(a => new Named(a.Id, a.Title, a.CampaignId)).ToListAsync(cancellationToken),
    };

    public void Attribute(Lead lead, Checks checks, string? adId, string? campaignId, string? campaignName, string? nicheId, string? nicheName)
    {
        var ad = Find(checks, "ad_id", "Ad", _ads, adId, null);
        var campaign = Find(checks, campaignId is null ? "campaign" : "campaign_id", "Campaign", _campaigns, campaignId, campaignId is null ? campaignName : null);
        var niche = Find(checks, nicheId is null ? "niche" : "niche_id", "Niche", _niches, nicheId, nicheId is null ? nicheName : null);
        if (!checks.Ok)
        {
            return;
        }
        if (ad is not null)
        {
            if (campaign is not null && campaign.Id != ad.Parent)
            {
                checks.Add("ad_id", $"Ad {ad.Id} belongs to campaign {ad.Parent}, not {campaign.Id}");
                return;
            }
            campaign = _campaigns.First(c => c.Id == ad.Parent);
        }
        if (campaign is not null)
        {
            if (niche is not null && niche.Id != campaign.Parent)
            {
                checks.Add(nicheId is null ? "niche" : "niche_id", $"Campaign '{campaign.Name}' belongs to another niche than '{niche.Name}'");
                return;
            }
            niche = _niches.First(n => n.Id == campaign.Parent);
        }
        (lead.AdId, lead.CampaignId, lead.NicheId) = (ad?.Id, campaign?.Id, niche?.Id);
    }

    private static Named? Find(Checks checks, string field, string what, List<Named> rows, string? id, string? name)
    {
        if (id is not null)
        {
            if (checks.Uuid(field, id) is not { } guid)
            {
                return null;
            }
            var byId = rows.FirstOrDefault(r => r.Id == guid);
            if (byId is null)
            {
                checks.Add(field, $"{what} {guid} not found", "not_found");
            }
            return byId;
        }
        if (name is null)
        {
            return null;
        }
        var byName = rows.Where(r => r.Name.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count != 1)
        {
            checks.Add(field, byName.Count == 0 ? $"{what} '{name}' not found" : $"{byName.Count} {what.ToLowerInvariant()}s are named '{name}'; give {field}_id", "not_found");
            return null;
        }
        return byName[0];
    }
}
