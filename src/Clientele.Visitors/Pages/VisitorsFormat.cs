using System.Globalization;

namespace Clientele.Visitors.Pages;

/// <summary>Where the visitors pages live (the dashboard's nav links to <c>/modules/visitors</c>).</summary>
public static class VisitorsLinks
{
    public const string Overview = "/modules/visitors";
    public const string Persons = "/modules/visitors/persons";

    public static string Person(Guid id) => $"/modules/visitors/persons/{id}";
}

/// <summary>How the visitors pages write names, instants (in the organization's time zone), stays and counts.</summary>
public static class VisitorsFormat
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "." };

    public static string Number(double value) => value.ToString("#,0", Grouping);

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>A person without a name is shown by the start of its id, which the list's search also finds.</summary>
    public static string Name(Guid id, string? fullName) => string.IsNullOrWhiteSpace(fullName) ? $"Visitor {id.ToString()[..8]}" : fullName;

    public static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Stay(TimeSpan stay) =>
        stay.TotalMinutes < 1 ? "< 1 min" : stay.TotalHours < 1 ? $"{(int)stay.TotalMinutes} min" : $"{(int)stay.TotalHours} h {stay.Minutes:00} min";
}
