using System.Globalization;

namespace Clientele.Visitors.Statistics;

/// <summary>
/// The seed's <c>type</c> periods, bucketed in the organization's time zone: <c>last_6_hours</c> (6 hours, <c>YYYY-MM-DD HH:00</c>),
/// <c>day</c> (24 hours, <c>HH:00</c>), <c>week</c> (7 days) and <c>month</c> (30 days), both <c>YYYY-MM-DD</c>; the current
/// hour or day is the last bucket.
/// </summary>
public sealed record Period(string Type, DateTimeOffset From, IReadOnlyList<(DateTimeOffset Start, string Label)> Buckets)
{
    public static readonly string[] Types = ["last_6_hours", "day", "week", "month"];

    public static Period? Of(string type, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var hour = new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        var (count, step, format, last) = type switch
        {
            "last_6_hours" => (6, TimeSpan.FromHours(1), "yyyy-MM-dd HH:00", hour),
            "day" => (24, TimeSpan.FromHours(1), "HH:00", hour),
            "week" => (7, TimeSpan.FromDays(1), "yyyy-MM-dd", hour.Date),
            "month" => (30, TimeSpan.FromDays(1), "yyyy-MM-dd", hour.Date),
            _ => (0, TimeSpan.Zero, "", hour),
        };
        if (count == 0)
        {
            return null;
        }
        var buckets = Enumerable.Range(0, count)
            .Select(position => last - step * (count - 1 - position))
            .Select(start => (Start: new DateTimeOffset(start, zone.GetUtcOffset(start)), Label: start.ToString(format, CultureInfo.InvariantCulture)))
            .ToList();
        return new Period(type, buckets[0].Start.ToUniversalTime(), buckets);
    }

    /// <summary>The position of the bucket an instant falls in, or -1 before the first.</summary>
    public int BucketOf(DateTimeOffset instant)
    {
        for (var position = Buckets.Count - 1; position >= 0; position--)
        {
            if (instant >= Buckets[position].Start)
            {
                return position;
            }
        }
        return -1;
    }
}
