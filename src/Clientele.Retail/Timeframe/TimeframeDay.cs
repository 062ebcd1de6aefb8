using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Timeframe;

/// <summary>One calendar day of the analytics calendar; day, month and year are the date's, kept as columns for filters.</summary>
public sealed class TimeframeDay : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int TimeId { get; set; }
    public DateOnly Date { get; set; }
    public int Day { get; set; }
    public int Month { get; set; }
    public int Year { get; set; }
}
