using System.Text.Json.Serialization;
using Clientele.Platform.Data;
using Clientele.Platform.Json;
using Clientele.Platform.RateLimits;
using Clientele.Visitors.Data;
using Clientele.Visitors.Shared;
using Clientele.Visitors.Visits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Statistics;

/// <summary>
/// The five statistics of the seed, counted over visits (not over persons, as the original did): visit counts per period bucket,
/// and body type, gender, emotion and age over the visits of an optional period (<c>type</c>, as for visit-count; all time without it).
/// </summary>
public static class StatisticsEndpoints
{
    public const string Policy = "statistics";

    public sealed record CountPoint(string Date, int Value);

    public sealed record Share(string Type, [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Percentage);

    public sealed record Tally(string Type, int Value);

    public static void Map(RouteGroupBuilder visitors)
    {
        var statistics = visitors.MapGroup("/api/client/statistics").WithTags("Statistics").WithRateLimitPolicy(Policy);
        statistics.MapGet("/visit-count/", VisitCountAsync).WithName("VisitorsVisitCount");
        statistics.MapGet("/body-type/", (VisitsQuery query, string? type, CancellationToken cancellationToken) =>
            SharesAsync(query, type, v => v.BodyType, cancellationToken)).WithName("VisitorsBodyTypeStatistics");
        statistics.MapGet("/gender/", (VisitsQuery query, string? type, CancellationToken cancellationToken) =>
            SharesAsync(query, type, v => v.Gender, cancellationToken)).WithName("VisitorsGenderStatistics");
        statistics.MapGet("/emotion/", EmotionAsync).WithName("VisitorsEmotionStatistics");
        statistics.MapGet("/age/", AgeAsync).WithName("VisitorsAgeStatistics");
    }

    public static async Task<IResult> VisitCountAsync(VisitsQuery query, string? type, CancellationToken cancellationToken)
    {
        var period = await query.PeriodAsync(type ?? "day", cancellationToken);
        if (period is null)
        {
            return InvalidType();
        }
        var counts = new int[period.Buckets.Count];
        foreach (var entry in await query.Visits(period).Select(v => v.EntryTime).ToListAsync(cancellationToken))
        {
            if (period.BucketOf(entry) is var position and >= 0)
            {
                counts[position]++;
            }
        }
        return TypedResults.Ok(period.Buckets.Select((bucket, position) => new CountPoint(bucket.Label, counts[position])).ToList());
    }

    public static async Task<IResult> SharesAsync(VisitsQuery query, string? type, Func<Visit, string?> field, CancellationToken cancellationToken)
    {
        var period = type is null ? null : await query.PeriodAsync(type, cancellationToken);
        if (type is not null && period is null)
        {
            return InvalidType();
        }
        var values = (await query.Visits(period).ToListAsync(cancellationToken)).Select(field).OfType<string>().ToList();
        return TypedResults.Ok(Percentages(values.GroupBy(value => value).Select(group => (group.Key, group.Count())), values.Count)
            .OrderByDescending(share => share.Percentage).ThenBy(share => share.Type, StringComparer.Ordinal).ToList());
    }

    public static async Task<IResult> EmotionAsync(VisitsQuery query, string? type, CancellationToken cancellationToken)
    {
        var period = type is null ? null : await query.PeriodAsync(type, cancellationToken);
        if (type is not null && period is null)
        {
            return InvalidType();
        }
        var emotions = await query.Visits(period).Where(v => v.Emotion != null).Select(v => v.Emotion!).ToListAsync(cancellationToken);
        return TypedResults.Ok(emotions.GroupBy(emotion => emotion).Select(group => new Tally(group.Key, group.Count()))
            .OrderByDescending(tally => tally.Value).ThenBy(tally => tally.Type, StringComparer.Ordinal).ToList());
    }

    /// <summary>The seed's bands (18-30, 31-50, 51+) and, for visitors under 18, an extra 0-17 band.</summary>
    public static async Task<IResult> AgeAsync(VisitsQuery query, string? type, CancellationToken cancellationToken)
    {
        var period = type is null ? null : await query.PeriodAsync(type, cancellationToken);
        if (type is not null && period is null)
        {
            return InvalidType();
        }
        var ages = await query.Visits(period).Where(v => v.Age != null).Select(v => v.Age!.Value).ToListAsync(cancellationToken);
        var bands = ages.GroupBy(age => age switch { < 18 => "0-17", <= 30 => "18-30", <= 50 => "31-50", _ => "51+" })
            .Select(group => (group.Key, group.Count()));
        return TypedResults.Ok(Percentages(bands, ages.Count).OrderBy(share => share.Type, StringComparer.Ordinal).ToList());
    }

    private static IEnumerable<Share> Percentages(IEnumerable<(string Type, int Count)> groups, int total) =>
        groups.Select(group => new Share(group.Type, Math.Round(100m * group.Count / total, 2, MidpointRounding.ToEven)));

    private static IResult InvalidType() =>
        VisitorsResults.Invalid([new(["query", "type"], $"Invalid type. Use one of: {string.Join(", ", Period.Types)}.")]);
}

/// <summary>The organization's visits that count (staff visits do not), optionally within a period computed in its time zone.</summary>
public sealed class VisitsQuery(VisitorsDbContext db, PlatformDbContext platform, TimeProvider time)
{
    public async Task<Period?> PeriodAsync(string type, CancellationToken cancellationToken)
    {
        var zoneId = await platform.Organizations.AsNoTracking().Where(o => o.Id == db.CurrentOrganizationId).Select(o => o.TimeZone)
            .FirstOrDefaultAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
        return Period.Of(type, time.GetUtcNow(), zone);
    }

    public IQueryable<Visit> Visits(Period? period)
    {
        var counted = db.Visits.AsNoTracking().Where(v => v.PersonId == null || !db.Persons.Any(p => p.Id == v.PersonId && p.Staff));
        return period is null ? counted : counted.Where(v => v.EntryTime >= period.From);
    }
}
