using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Leads;

/// <summary>
/// A lead counts for its ad's campaign and that campaign's niche; without an ad, for the <c>campaign_id</c> sent (or a channel's
/// campaign). An ad or campaign id that is not the organization's is a 400 «Ad … not found» and nothing is stored.
/// </summary>
public static class Attribution
{
    public static async Task<IResult?> ResolveAsync(LeadsDbContext db, Lead lead, Guid? adId, Guid? campaignId, CancellationToken cancellationToken)
    {
        if (adId is { } ad)
        {
            var found = await db.Ads.AsNoTracking().Where(a => a.Id == ad)
                .Join(db.Campaigns, a => a.CampaignId, c => c.Id, (a, c) => new { a.CampaignId, c.NicheId }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Refusals.BadRequest($"Ad {ad} not found");
            }
            if (campaignId is { } other && other != found.CampaignId)
            {
                return Refusals.BadRequest($"Ad {ad} belongs to campaign {found.CampaignId}, not {other}");
            }
            (lead.AdId, lead.CampaignId, lead.NicheId) = (ad, found.CampaignId, found.NicheId);
            return null;
        }
        if (campaignId is { } id)
        {
            var niche = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.NicheId).FirstOrDefaultAsync(cancellationToken);
            if (niche is null)
            {
                return Refusals.BadRequest($"Campaign {id} not found");
            }
            (lead.CampaignId, lead.NicheId) = (id, niche);
        }
        return null;
    }
}
