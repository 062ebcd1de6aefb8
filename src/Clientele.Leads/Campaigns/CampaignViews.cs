using Clientele.Leads.Shared;

namespace Clientele.Leads.Campaigns;

public sealed record CampaignView(
    Guid Id, Guid NicheId, string Name, string Platform, string Status, [property: Float] decimal Budget, [property: Float] decimal Spent, int AdsCount, int LeadsCount,
    DateOnly? StartDate, DateOnly? EndDate, DateTime CreatedAt)
{
    public static CampaignView Of(Campaign c, CampaignFigures f) => new(
        c.Id, c.NicheId, c.Name, c.Platform, c.Status, c.Budget, f.Spent, f.AdsCount, f.LeadsCount, c.StartDate, c.EndDate, c.CreatedAt.UtcDateTime);
}

/// <summary>The seed's four keys, then additive ones (cost per qualified lead, budget use).</summary>
public sealed record CampaignStats(
    int TotalLeads, int QualifiedLeads, [property: Float] decimal Cpl, [property: Float] decimal ConversionRate, int HotLeads, int WonLeads, int SpamLeads,
    [property: Float] decimal? Cpql, [property: Float] decimal? BudgetUse)
{
    public static CampaignStats Of(Campaign c, CampaignFigures f) => new(
        f.LeadsCount, f.QualifiedLeads, f.Cpl, f.ConversionRate, f.Count(["hot"]), f.Count(["won"]), f.Count(["spam"]),
        f.QualifiedLeads == 0 ? null : decimal.Round(f.Spent / f.QualifiedLeads, 2),
        c.Budget == 0 ? null : decimal.Round(f.Spent * 100m / c.Budget, 1, MidpointRounding.AwayFromZero));
}

public sealed record CampaignDetail(
    Guid Id, Guid NicheId, string Name, string Platform, string Status, [property: Float] decimal Budget, [property: Float] decimal Spent, int AdsCount, int LeadsCount,
    DateOnly? StartDate, DateOnly? EndDate, DateTime CreatedAt, CampaignStats Stats, IReadOnlyList<string> NextStatuses)
{
    public static CampaignDetail Of(Campaign c, CampaignFigures f) => new(
        c.Id, c.NicheId, c.Name, c.Platform, c.Status, c.Budget, f.Spent, f.AdsCount, f.LeadsCount, c.StartDate, c.EndDate, c.CreatedAt.UtcDateTime,
        CampaignStats.Of(c, f), CampaignStatuses.From(c.Status));
}
