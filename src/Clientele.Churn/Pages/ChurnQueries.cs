using System.Globalization;
using Clientele.Churn.Alerts;
using Clientele.Churn.Auth;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Predictions;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Churn.Pages;

/// <summary>A recent alert with the name of its customer (when it has one and the customer still exists).</summary>
public sealed record ChurnAlertRow(long Id, int? CustomerId, string? CustomerName, string AlertType, string Message, bool WasSent, string? ErrorMessage, DateTimeOffset CreatedAt);

/// <summary>
/// What the churn pages read. The customer list filters and sorts as <c>GET /churn/api/customers/</c> does (search in the lower-case
/// name/e-mail/phone text, sort by id, name or risk_score with unscored customers last), so the page, its CSV and the API agree.
/// </summary>
public static class ChurnQueries
{
    public const int RecentAlerts = 20;

    public static IQueryable<ChurnCustomer> Filtered(ChurnDbContext db, string? search, string? sort, bool descending)
    {
        var rows = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            rows = rows.Where(c => c.SearchText.Contains(term));
        }
        return (sort ?? "id") switch
        {
            "name" => descending ? rows.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id) : rows.OrderBy(c => c.Name).ThenBy(c => c.Id),
            "risk_score" => descending
                ? rows.OrderBy(c => c.RiskScore == null).ThenByDescending(c => c.RiskScore).ThenByDescending(c => c.Id)
                : rows.OrderBy(c => c.RiskScore == null).ThenBy(c => c.RiskScore).ThenBy(c => c.Id),
            _ => descending ? rows.OrderByDescending(c => c.Id) : rows.OrderBy(c => c.Id),
        };
    }

    public static async Task<(List<CustomerView> Rows, int Total)> PageAsync(ChurnDbContext db, string? search, string? sort, bool descending, int page, int pageSize,
        ChurnPermissions permissions, RiskBands bands, CancellationToken cancellationToken)
    {
        var rows = Filtered(db, search, sort, descending);
        var total = await rows.CountAsync(cancellationToken);
        var customers = await rows.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (customers.Select(c => CustomerView.Of(c, permissions, bands)).ToList(), total);
    }

    public static async Task<List<ChurnAlertRow>> RecentAlertsAsync(ChurnDbContext db, CancellationToken cancellationToken)
    {
        var alerts = await db.Alerts.AsNoTracking().OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(RecentAlerts).ToListAsync(cancellationToken);
        var ids = alerts.Where(a => a.CustomerId != null).Select(a => a.CustomerId!.Value).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return alerts.Select(a => new ChurnAlertRow(a.Id, a.CustomerId, a.CustomerId is { } id ? names.GetValueOrDefault(id) : null, a.AlertType, a.Message,
            a.WasSent, a.ErrorMessage, a.CreatedAt)).ToList();
    }

    /// <summary>The customer, its last <see cref="CustomerEndpoints.HistoryLength"/> scores newest first (factors filled in), and its recent alerts.</summary>
    public static async Task<(ChurnCustomer Customer, IReadOnlyList<RiskPoint> History, List<ChurnAlert> Alerts)?> CustomerAsync(ChurnDbContext db, Explanations explanations, int id,
        CancellationToken cancellationToken)
    {
        if (await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } customer)
        {
            return null;
        }
        var entries = await db.RiskHistory.AsNoTracking().Where(r => r.CustomerId == id)
            .OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id).Take(CustomerEndpoints.HistoryLength).ToListAsync(cancellationToken);
        var history = await explanations.PointsAsync(db, entries, cancellationToken);
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.CustomerId == id).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(10)
            .ToListAsync(cancellationToken);
        return (customer, history, alerts);
    }

    public static readonly string[] CsvColumns =
        ["id", "name", "email", "phone", "age", "tenure", "balance", "products", "credit_card", "active", "salary", "churned", "churn_date", "risk_score", "risk_band", "model_version", "last_updated"];

    /// <summary>One CSV line (RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it).</summary>
    public static string CsvLine(CustomerView c) => string.Join(',',
    [
        N(c.Id), Text(c.Name), Text(c.Email), Text(c.Phone), N(c.Age), N(c.Tenure), D(c.Balance), N(c.Products), B(c.CreditCard), B(c.Active), D(c.Salary),
        c.Churned is { } churned ? B(churned) : "", c.ChurnDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        c.RiskScore is { } score ? D(score) : "", c.RiskBand ?? "", Text(c.ModelVersion ?? ""), c.LastUpdated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    ]) + "\r\n";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "true" : "false";

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !(value[0] == '+' && value.Skip(1).All(ch => char.IsDigit(ch) || ch is ' ' or '-' or '(' or ')')))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string CsvHeader => string.Join(',', CsvColumns) + "\r\n";
}
