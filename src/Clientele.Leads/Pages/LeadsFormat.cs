using System.Globalization;

namespace Clientele.Leads.Pages;

public static class LeadsLinks
{
    public const string Board = "/modules/leads";
    public const string Funnels = "/modules/leads/funnels";
    public const string Csv = "/modules/leads/csv";

    public static string Lead(Guid id) => $"/modules/leads/leads/{id}";
}

/// <summary>How the leads pages write tenge, percentages and instants (UTC, as the API).</summary>
public static class LeadsFormat
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };

    public static string Tenge(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", Grouping) + " ₸";

    public static string Tenge(decimal? amount) => amount is { } value ? Tenge(value) : "—";

    public static string Number(double value) => value.ToString("#,0.##", Grouping);

    public static string Percent(decimal? value) => value is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string StatusColour(string status) => status switch
    {
        "won" => "#2e7d32",
        "hot" => "#e65100",
        "qualified" => "#1565c0",
        "contacted" => "#6a1b9a",
        "lost" => "#757575",
        "spam" => "#b71c1c",
        _ => "#455a64",
    };
}
