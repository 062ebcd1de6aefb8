using System.Globalization;
using MudBlazor;

namespace Clientele.Churn.Pages;

/// <summary>Where the churn pages live (the dashboard's nav links to <c>/modules/churn</c>).</summary>
public static class ChurnLinks
{
    public const string Monitoring = "/modules/churn";
    public const string Customers = "/modules/churn/customers";
    public const string Models = "/modules/churn/models";

    public static string Customer(int id) => $"/modules/churn/customers/{id.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>How the churn pages write numbers, scores, bands and instants.</summary>
public static class ChurnFormat
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ".", NegativeSign = "−" };

    public static string Number(double value, int decimals = 0) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Grouping);

    public static string Score(double? score) => score is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    public static string Metric(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Instant(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    public static Color BandColor(string? band) => band switch
    {
        "high" => Color.Error,
        "medium" => Color.Warning,
        "low" => Color.Success,
        _ => Color.Default,
    };

    public static string BandColour(string band) => band switch
    {
        "high" => "#e53935",
        "medium" => "#fb8c00",
        "low" => "#43a047",
        _ => "#9e9e9e",
    };
}
