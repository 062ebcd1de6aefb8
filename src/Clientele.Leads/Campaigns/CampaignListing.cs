using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Campaigns;

/// <summary>What a list of a campaign's rows (ads, spend) checks before reading: the path id, the page size, the campaign.</summary>
public static class CampaignListing
{
    public static async Task<(Guid Id, IResult? Refusal)> CheckAsync(LeadsDbContext db, string campaignId, int? limit, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return (id, Refusals.NotAnId("campaign_id"));
        }
        var query = new Checks("query");
        query.Limit(limit);
        if (!query.Ok)
        {
            return (id, query.Invalid());
        }
        return await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken) ? (id, null) : (id, Refusals.NotFound("Campaign"));
    }
}
