using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Timeframe;

/// <summary>Seed 001's analytics calendar: one row per date, numbered by time_id.</summary>
public static class TimeframeEndpoints
{
    public const string Entity = "timeframe";

    public sealed record TimeframeView(int TimeId, DateOnly Date, int Day, int Month, int Year)
    {
        public static TimeframeView Of(TimeframeDay t) => new(t.TimeId, t.Date, t.Day, t.Month, t.Year);
    }

    public static void Map(RouteGroupBuilder retail)
    {
        var timeframe = retail.MapGroup("/api/timeframe").WithTags("Timeframe");
        timeframe.MapGet("/", ListAsync).WithName("ListTimeframe")
            .WithSummary("The calendar by time_id; filters year, month, date_from, date_to; skip and limit page.");
        timeframe.MapPost("/", CreateAsync).WithName("CreateTimeframe").WithSummary("Adds a date (one row per date); day, month and year are derived.")
            .RequireWriteAccess(RetailModule.Name);
        timeframe.MapGet("/{time_id}", GetAsync).WithName("GetTimeframe").WithSummary("One calendar row.");
        timeframe.MapPut("/{time_id}", UpdateAsync).WithName("UpdateTimeframe").WithSummary("Moves a calendar row to another date.")
            .RequireWriteAccess(RetailModule.Name);
        timeframe.MapDelete("/{time_id}", DeleteAsync).WithName("DeleteTimeframe")
            .WithSummary("Deletes a calendar row no transaction uses (409 otherwise).").RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ListAsync(RetailDbContext db, [FromQuery] int? skip, [FromQuery] int? limit, [FromQuery] int? year,
        [FromQuery] int? month, [FromQuery(Name = "date_from")] DateOnly? dateFrom, [FromQuery(Name = "date_to")] DateOnly? dateTo, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        Paging.Check(query, skip, limit);
        if (!query.Ok)
        {
            return Paging.Invalid(query.Problems);
        }
        var rows = db.Timeframe.AsNoTracking();
        rows = year is null ? rows : rows.Where(t => t.Year == year);
        rows = month is null ? rows : rows.Where(t => t.Month == month);
        rows = dateFrom is null ? rows : rows.Where(t => t.Date >= dateFrom);
        rows = dateTo is null ? rows : rows.Where(t => t.Date <= dateTo);
        var page = await rows.OrderBy(t => t.TimeId).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(TimeframeView.Of).ToList());
    }

    public static async Task<IResult> CreateAsync(TimeframeInput request, RetailDbContext db, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        if (request.Check(checks) is not { } day)
        {
            return Paging.Invalid(checks.Problems);
        }
        if (await TakenAsync(db, day.Date, null, cancellationToken) is { } taken)
        {
            return Paging.Invalid(taken);
        }
        await Numbering.InsertAsync(db, day, db.Timeframe.Select(t => t.TimeId), 1, (t, id) => t.TimeId = id,
            () => RetailEvents.Row(db, Entity, RetailEvents.Created, TimeframeView.Of(day)), cancellationToken);
        return TypedResults.Ok(TimeframeView.Of(day));
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "time_id")] int timeId, RetailDbContext db, CancellationToken cancellationToken) =>
        await db.Timeframe.AsNoTracking().FirstOrDefaultAsync(t => t.TimeId == timeId, cancellationToken) is { } day
            ? TypedResults.Ok(TimeframeView.Of(day))
            : NotFound();

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "time_id")] int timeId, TimeframeInput request, RetailDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Timeframe.FirstOrDefaultAsync(t => t.TimeId == timeId, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var checks = new Checks();
        if (request.Check(checks) is not { } changed)
        {
            return Paging.Invalid(checks.Problems);
        }
        if (await TakenAsync(db, changed.Date, timeId, cancellationToken) is { } taken)
        {
            return Paging.Invalid(taken);
        }
        (stored.Date, stored.Day, stored.Month, stored.Year) = (changed.Date, changed.Day, changed.Month, changed.Year);
        RetailEvents.Row(db, Entity, RetailEvents.Updated, TimeframeView.Of(stored));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(TimeframeView.Of(stored));
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "time_id")] int timeId, RetailDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Timeframe.FirstOrDefaultAsync(t => t.TimeId == timeId, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }
        var transactions = await db.Transactions.CountAsync(t => t.TimeId == timeId, cancellationToken);
        if (transactions > 0)
        {
            return TypedResults.Conflict(new Detail($"Timeframe {timeId} is used by {transactions} transaction(s); delete or move them first"));
        }
        db.Timeframe.Remove(stored);
        RetailEvents.Row(db, Entity, RetailEvents.Deleted, TimeframeView.Of(stored));
        return await Deletion.SaveAsync(db, TimeframeView.Of(stored), $"Timeframe {timeId} gained transactions meanwhile", cancellationToken);
    }

    private static async Task<IReadOnlyList<Clientele.Platform.Errors.FieldError>?> TakenAsync(RetailDbContext db, DateOnly date, int? except, CancellationToken cancellationToken)
    {
        var other = await db.Timeframe.AsNoTracking().Where(t => t.Date == date && t.TimeId != except).Select(t => (int?)t.TimeId).FirstOrDefaultAsync(cancellationToken);
        if (other is null)
        {
            return null;
        }
        var checks = new Checks();
        checks.Add("date", $"Date {date:yyyy-MM-dd} already has time_id {other}; the calendar has one row per date");
        return checks.Problems;
    }

    private static IResult NotFound() => TypedResults.NotFound(new Detail("Timeframe not found"));
}
