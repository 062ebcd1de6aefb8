using Clientele.Leads.Campaigns;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Niches;

/// <summary>
/// A niche's funnel over all its campaigns. Revenue is the stated budget of its won leads (an estimate: the seed has no deal
/// amount); ROI = (revenue − spent) / spent × 100. The verdict is advice, never a status change: <c>scale</c> when CPL ≤
/// cpl_target and ROI ≥ roi_target over at least <see cref="MinimumSample"/> leads, <c>stop</c> when either misses, otherwise
/// <c>not_enough_data</c>.
/// </summary>
public static class NicheStats
{
    public const int MinimumSample = 10;

    public sealed record Stats(
        Guid NicheId, int Campaigns, int TotalLeads, int QualifiedLeads, int WonLeads, [property: Float] decimal Spent,
        [property: Float] decimal Cpl, [property: Float] decimal ConversionRate, [property: Float] decimal Revenue, [property: Float] decimal? Roi,
        [property: Float] decimal? CplTarget, [property: Float] decimal? RoiTarget, bool? CplOnTarget, bool? RoiOnTarget, string Verdict);

    public static async Task<IResult> GetAsync([FromRoute(Name = "niche_id")] string nicheId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(nicheId, out var id))
        {
            return Refusals.NotAnId("niche_id");
        }
        if (await db.Niches.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is not { } niche)
        {
            return Refusals.NotFound("Niche");
        }
        return TypedResults.Ok(await OfAsync(db, niche, cancellationToken));
    }

    public static async Task<Stats> OfAsync(LeadsDbContext db, Niche niche, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.NicheId == niche.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var figures = (await CampaignFigures.OfAsync(db, campaigns, cancellationToken)).Values.ToList();
        var spent = figures.Sum(f => f.Spent);
        var total = figures.Sum(f => f.LeadsCount);
        var qualified = figures.Sum(f => f.QualifiedLeads);
        var wonBudgets = await db.Leads.AsNoTracking().Where(l => l.NicheId == niche.Id && l.Status == LeadStatuses.Won)
            .Select(l => l.Budget).ToListAsync(cancellationToken);
        var revenue = wonBudgets.Sum(b => b ?? 0m);
        var cpl = total == 0 ? 0m : decimal.Round(spent / total, 2);
        var conversion = total == 0 ? 0m : decimal.Round(qualified * 100m / total, 1, MidpointRounding.AwayFromZero);
        decimal? roi = spent == 0 ? null : decimal.Round((revenue - spent) * 100m / spent, 1, MidpointRounding.AwayFromZero);
        bool? cplOk = niche.CplTarget is { } cplTarget && total > 0 ? cpl <= cplTarget : null;
        bool? roiOk = niche.RoiTarget is { } roiTarget && roi is { } value ? value >= roiTarget : null;
        var verdict = total < MinimumSample ? "not_enough_data"
            : cplOk == false || roiOk == false ? "stop"
            : cplOk == true || roiOk == true ? "scale"
            : "not_enough_data";
        return new Stats(niche.Id, campaigns.Count, total, qualified, wonBudgets.Count, spent, cpl, conversion, revenue, roi,
            niche.CplTarget, niche.RoiTarget, cplOk, roiOk, verdict);
    }
}
