using Clientele.Leads.Campaigns;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Niches;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Pages;

/// <summary>A funnel step: how many leads have got at least this far (by their status now).</summary>
public sealed record FunnelStage(string Key, string Label, int Count);

public sealed record CampaignFunnel(Campaign Campaign, CampaignStats Stats, CampaignFigures Figures, IReadOnlyList<FunnelStage> Stages);

public sealed record NicheFunnel(Niche Niche, NicheStats.Stats Stats, IReadOnlyList<FunnelStage> Stages, IReadOnlyList<CampaignFunnel> Campaigns);

/// <summary>
/// The funnels page: each niche's and campaign's figures are the API's own (<see cref="NicheStats.OfAsync"/>,
/// <see cref="CampaignStats.Of"/> over <see cref="CampaignFigures"/>), so the page and <c>stats</c> cannot disagree.
/// Stages come from the same status counts: leads → past new (not spam) → qualified (qualified, hot, won: the API's
/// qualified_leads) → hot or won → won.
/// </summary>
public static class FunnelQueries
{
    public static async Task<List<NicheFunnel>> LoadAsync(LeadsDbContext db, CancellationToken cancellationToken)
    {
        var niches = await db.Niches.AsNoTracking().OrderBy(n => n.Name).ToListAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var figures = await CampaignFigures.OfAsync(db, campaigns.Select(c => c.Id).ToList(), cancellationToken);
        var funnels = new List<NicheFunnel>();
        foreach (var niche in niches)
        {
            var own = campaigns.Where(c => c.NicheId == niche.Id)
                .Select(c => new CampaignFunnel(c, CampaignStats.Of(c, figures[c.Id]), figures[c.Id], Stages(figures[c.Id].LeadsByStatus))).ToList();
            var byStatus = own.SelectMany(c => c.Figures.LeadsByStatus).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            funnels.Add(new NicheFunnel(niche, await NicheStats.OfAsync(db, niche, cancellationToken), Stages(byStatus), own));
        }
        return funnels;
    }

    public static IReadOnlyList<FunnelStage> Stages(IReadOnlyDictionary<string, int> byStatus)
    {
        int Count(params string[] statuses) => statuses.Sum(s => byStatus.GetValueOrDefault(s));
        return
        [
            new("leads", "Leads", byStatus.Values.Sum()),
            new("contacted", "Contacted", Count(LeadStatuses.Contacted, LeadStatuses.Qualified, LeadStatuses.Hot, LeadStatuses.Won, LeadStatuses.Lost)),
            new("qualified", "Qualified", Count([.. LeadStatuses.ReachedQualification])),
            new("hot", "Hot or won", Count(LeadStatuses.Hot, LeadStatuses.Won)),
            new("won", "Won", Count(LeadStatuses.Won)),
        ];
    }
}

/// <summary>One bar of a <c>LeadsBarChart</c>: its height and the text written above it.</summary>
public sealed record LeadsBar(string Key, string Label, double Value, string Text, string Colour);
