using Clientele.Platform.Data;
using Clientele.Visitors.Data;
using Clientele.Visitors.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Pages;

/// <summary>Today's visits in the organization's time zone: how many, how many by new and by returning visitors, the average stay.</summary>
public sealed record TodayFigures(int Visits, int New, int Returning, TimeSpan? AverageStay);

/// <summary>The statistics of one period, as the API's statistics endpoints compute them.</summary>
public sealed record PeriodStatistics(
    IReadOnlyList<StatisticsEndpoints.CountPoint> Counts, IReadOnlyList<StatisticsEndpoints.Share> Genders, IReadOnlyList<StatisticsEndpoints.Share> Ages);

/// <summary>One arrival of the live feed: a visit and, unless erased, its person.</summary>
public sealed record Arrival(Guid VisitId, Guid? PersonId, string? FullName, int? Age, string? Gender, bool Returning, DateTimeOffset EntryTime, DateTimeOffset ExitTime);

/// <summary>What the overview reads. Periods and statistics are the API's own code (<see cref="VisitsQuery"/>, <see cref="StatisticsEndpoints"/>).</summary>
public static class OverviewQueries
{
    public const int FeedLength = 12;

    public static async Task<TimeZoneInfo> ZoneAsync(VisitorsDbContext db, PlatformDbContext platform, CancellationToken cancellationToken)
    {
        var zoneId = await platform.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId).Select(o => o.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? "UTC", out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The week period's last bucket starts at today's midnight in the organization's zone.</summary>
    public static async Task<TodayFigures> TodayAsync(VisitsQuery query, CancellationToken cancellationToken)
    {
        var week = (await query.PeriodAsync("week", cancellationToken))!;
        var today = week.Buckets[^1].Start;
        var visits = await query.Visits(null).Where(v => v.EntryTime >= today).Select(v => new { v.Returning, v.EntryTime, v.ExitTime }).ToListAsync(cancellationToken);
        var returning = visits.Count(v => v.Returning);
        TimeSpan? average = visits.Count == 0 ? null : TimeSpan.FromTicks((long)visits.Average(v => (v.ExitTime - v.EntryTime).Ticks));
        return new TodayFigures(visits.Count, visits.Count - returning, returning, average);
    }

    public static async Task<PeriodStatistics> PeriodAsync(VisitsQuery query, string type, CancellationToken cancellationToken)
    {
        var counts = Value<List<StatisticsEndpoints.CountPoint>>(await StatisticsEndpoints.VisitCountAsync(query, type, cancellationToken));
        var genders = Value<List<StatisticsEndpoints.Share>>(await StatisticsEndpoints.SharesAsync(query, type, v => v.Gender, cancellationToken));
        var ages = Value<List<StatisticsEndpoints.Share>>(await StatisticsEndpoints.AgeAsync(query, type, cancellationToken));
        return new PeriodStatistics(counts, genders, ages);
    }

    public static Task<List<Arrival>> ArrivalsAsync(VisitorsDbContext db, CancellationToken cancellationToken) =>
        db.Visits.AsNoTracking().OrderByDescending(v => v.EntryTime).ThenByDescending(v => v.Id).Take(FeedLength)
            .Select(v => new Arrival(v.Id, v.PersonId, db.Persons.Where(p => p.Id == v.PersonId).Select(p => p.FullName).FirstOrDefault(), v.Age, v.Gender,
                v.Returning, v.EntryTime, v.ExitTime))
            .ToListAsync(cancellationToken);

    private static T Value<T>(IResult result) =>
        result is IValueHttpResult<T> { Value: { } value } ? value : throw new InvalidOperationException($"The statistics answered {result.GetType().Name}.");
}
