using Clientele.Retail.Shared;

namespace Clientele.Retail.Timeframe;

/// <summary>
/// The body of <c>POST</c> and <c>PUT /api/timeframe/</c>, also a row of timeframe.csv: the date decides; day, month and year
/// may be left out (they are derived), and when given they must be the date's.
/// </summary>
public sealed record TimeframeInput(DateOnly Date, int? Day = null, int? Month = null, int? Year = null)
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public TimeframeDay? Check(Checks checks)
    {
        var before = checks.Problems.Count;
        checks.Date("date", Date, Earliest, Latest);
        foreach (var (field, given, actual) in new[] { ("day", Day, Date.Day), ("month", Month, Date.Month), ("year", Year, Date.Year) })
        {
            if (given is { } value && value != actual)
            {
                checks.Add(field, $"{field} {value} does not match date {Date:yyyy-MM-dd} (its {field} is {actual}); leave it out to derive it");
            }
        }
        return checks.Problems.Count == before ? new TimeframeDay { Date = Date, Day = Date.Day, Month = Date.Month, Year = Date.Year } : null;
    }
}
