using System.Globalization;
using Clientele.Churn.Data;
using Clientele.Churn.Shared;
using Clientele.Platform.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Churn.Monitoring;

/// <summary>Seed 002's risk dashboard and alert history.</summary>
public static class MonitoringEndpoints
{
    public const int HighRiskListed = 10;
    public const int TrendDays = 30;

    public sealed record HighRiskCustomer(int Id, string Name, double RiskScore, DateTime LastUpdated);

    public sealed record Distribution(int Low, int Medium, int High, int Unscored);

    public sealed record TrendPoint(DateOnly Date, double AverageRisk, int Scores);

    public sealed record Thresholds(double Medium, double High);

    public sealed record Dashboard(IReadOnlyList<HighRiskCustomer> HighRiskCustomers, Distribution RiskDistribution, IReadOnlyList<TrendPoint> RiskTrend,
        Thresholds Thresholds, string? ModelVersion);

    public sealed record AlertView(long Id, int? CustomerId, string AlertType, string Message, bool WasSent, string? ErrorMessage, DateTime CreatedAt);

    public static void Map(RouteGroupBuilder churn)
    {
        var monitoring = churn.MapGroup("/api/monitoring").WithTags("Monitoring");
        monitoring.MapGet("/dashboard/", DashboardAsync).WithName("ChurnDashboard")
            .WithSummary($"The {HighRiskListed} riskiest customers at or above the high cut-off, customers per band, and the daily average score over {TrendDays} days.");
        monitoring.MapGet("/alerts/", AlertsAsync).WithName("ChurnAlerts")
            .WithSummary("Alerts, newest first, paged; filters customer_id, alert_type, start_date and end_date (YYYY-MM-DD, UTC, inclusive).");
    }

    public static async Task<IResult> DashboardAsync(ChurnDbContext db, TimeProvider time, IOptions<ChurnOptions> options, CancellationToken cancellationToken)
    {
        var bands = options.Value.Bands;
        var customers = db.Customers.AsNoTracking();
        var high = await customers.Where(c => c.RiskScore >= bands.High).OrderByDescending(c => c.RiskScore).ThenBy(c => c.Id).Take(HighRiskListed)
            .Select(c => new { c.Id, c.Name, c.RiskScore, c.LastUpdated }).ToListAsync(cancellationToken);
        var distribution = new Distribution(
            await customers.CountAsync(c => c.RiskScore < bands.Medium, cancellationToken),
            await customers.CountAsync(c => c.RiskScore >= bands.Medium && c.RiskScore < bands.High, cancellationToken),
            await customers.CountAsync(c => c.RiskScore >= bands.High, cancellationToken),
            await customers.CountAsync(c => c.RiskScore == null, cancellationToken));
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - TrendDays);
        var trend = await db.RiskHistory.AsNoTracking().Where(r => r.Day >= since).GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Average = g.Average(r => r.Score), Count = g.Count() }).OrderBy(g => g.Day).ToListAsync(cancellationToken);
        var version = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive).Select(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new Dashboard(
            high.Select(c => new HighRiskCustomer(c.Id, c.Name, c.RiskScore!.Value, c.LastUpdated.UtcDateTime)).ToList(),
            distribution,
            trend.Select(t => new TrendPoint(t.Day, Math.Round(t.Average, 4), t.Count)).ToList(),
            new Thresholds(bands.Medium, bands.High),
            version));
    }

    public static async Task<IResult> AlertsAsync(ChurnDbContext db, HttpContext context, [FromQuery] string? page, [FromQuery(Name = "page_size")] string? pageSize,
        [FromQuery(Name = "customer_id")] string? customerId, [FromQuery(Name = "alert_type")] string? alertType,
        [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate)
    {
        var problems = new List<FieldError>();
        int? customer = null;
        if (customerId is not null)
        {
            if (int.TryParse(customerId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                customer = parsed;
            }
            else
            {
                problems.Add(new(["query", "customer_id"], "A valid integer is required."));
            }
        }
        var start = Date("start_date", startDate, problems);
        var end = Date("end_date", endDate, problems);
        if (alertType is { Length: > 32 })
        {
            problems.Add(new(["query", "alert_type"], "Ensure this field has no more than 32 characters."));
        }
        if (problems.Count > 0)
        {
            return ChurnResults.Invalid(problems);
        }
        var rows = db.Alerts.AsNoTracking();
        rows = customer is null ? rows : rows.Where(a => a.CustomerId == customer);
        rows = alertType is null ? rows : rows.Where(a => a.AlertType == alertType);
        if (start is { } from)
        {
            var instant = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(a => a.CreatedAt >= instant);
        }
        if (end is { } to)
        {
            var instant = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rows = rows.Where(a => a.CreatedAt < instant);
        }
        var (result, error) = await Pagination.ReadAsync(rows.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id), context, page, pageSize,
            a => new AlertView(a.Id, a.CustomerId, a.AlertType, a.Message, a.WasSent, a.ErrorMessage, a.CreatedAt.UtcDateTime));
        return error ?? TypedResults.Ok(result);
    }

    private static DateOnly? Date(string field, string? text, List<FieldError> problems)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add(new(["query", field], "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
        return null;
    }
}
