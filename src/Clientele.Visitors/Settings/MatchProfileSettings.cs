using Clientele.Platform.Errors;
using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Settings;

/// <summary>
/// The organization's match profile as the settings endpoint shows and changes it. A change is checked as a whole (the
/// thresholds after the change must still be ordered), and only a real change raises the profile version.
/// </summary>
public static class MatchProfileSettings
{
    public const float MaxEuclidean = 4f;
    public const float MaxCosine = 2f;
    public const int MaxRecentWindowMinutes = 24 * 60;
    public const int MaxStayGapSeconds = 3600;
    public const int MaxExemplarCap = 64;
    public const int MaxConfirmAfterVisits = 100;

    public sealed record View(int Version, string Metric, float ConfidentDistance, float ProbableDistance, float Margin,
        int RecentWindowMinutes, int StayGapSeconds, int ExemplarCap, int ConfirmAfterVisits);

    public sealed record Change(string? Metric = null, double? ConfidentDistance = null, double? ProbableDistance = null, double? Margin = null,
        int? RecentWindowMinutes = null, int? StayGapSeconds = null, int? ExemplarCap = null, int? ConfirmAfterVisits = null);

    private static readonly Dictionary<string, VectorMetric> Metrics = new()
    {
        ["euclidean"] = VectorMetric.Euclidean, ["cosine"] = VectorMetric.Cosine,
    };

    public static View Of(VisitorSettings settings) =>
        new(settings.ProfileVersion, Metrics.First(pair => pair.Value == settings.Metric).Key, settings.ConfidentDistance, settings.ProbableDistance,
            settings.Margin, settings.RecentWindowMinutes, settings.StayGapSeconds, settings.ExemplarCap, settings.ConfirmAfterVisits);

    /// <summary>The errors of applying <paramref name="change"/> to <paramref name="settings"/>; nothing is changed here.</summary>
    public static List<FieldError> Check(VisitorSettings settings, Change change)
    {
        var errors = new List<FieldError>();
        if (change.Metric is { } metric && !Metrics.ContainsKey(metric))
        {
            errors.Add(Error("metric", $"\"{(metric.Length > 20 ? metric[..20] : metric)}\" is not a valid choice."));
            return errors;
        }
        var limit = (change.Metric is { } chosen ? Metrics[chosen] : settings.Metric) == VectorMetric.Cosine ? MaxCosine : MaxEuclidean;
        var confident = change.ConfidentDistance ?? settings.ConfidentDistance;
        var probable = change.ProbableDistance ?? settings.ProbableDistance;
        CheckRange(errors, "confident_distance", change.ConfidentDistance, 0, limit, exclusiveMinimum: true);
        CheckRange(errors, "probable_distance", change.ProbableDistance, 0, limit, exclusiveMinimum: true);
        CheckRange(errors, "margin", change.Margin, 0, limit, exclusiveMinimum: false);
        if (errors.Count == 0 && confident > probable)
        {
            errors.Add(Error("probable_distance", "Ensure this value is greater than or equal to confident_distance."));
        }
        if (errors.Count == 0 && probable > limit)
        {
            errors.Add(Error("probable_distance", $"Ensure this value is less than or equal to {limit} for this metric."));
        }
        CheckRange(errors, "recent_window_minutes", change.RecentWindowMinutes, 0, MaxRecentWindowMinutes);
        CheckRange(errors, "stay_gap_seconds", change.StayGapSeconds, 1, MaxStayGapSeconds);
        CheckRange(errors, "exemplar_cap", change.ExemplarCap, 1, MaxExemplarCap);
        CheckRange(errors, "confirm_after_visits", change.ConfirmAfterVisits, 1, MaxConfirmAfterVisits);
        return errors;
    }

    /// <summary>Applies a checked change; true when anything differs, and then the profile version is raised.</summary>
    public static bool Apply(VisitorSettings settings, Change change)
    {
        var before = Of(settings);
        settings.Metric = change.Metric is { } metric ? Metrics[metric] : settings.Metric;
        settings.ConfidentDistance = (float?)change.ConfidentDistance ?? settings.ConfidentDistance;
        settings.ProbableDistance = (float?)change.ProbableDistance ?? settings.ProbableDistance;
        settings.Margin = (float?)change.Margin ?? settings.Margin;
        settings.RecentWindowMinutes = change.RecentWindowMinutes ?? settings.RecentWindowMinutes;
        settings.StayGapSeconds = change.StayGapSeconds ?? settings.StayGapSeconds;
        settings.ExemplarCap = change.ExemplarCap ?? settings.ExemplarCap;
        settings.ConfirmAfterVisits = change.ConfirmAfterVisits ?? settings.ConfirmAfterVisits;
        if (Of(settings) == before)
        {
            return false;
        }
        settings.ProfileVersion++;
        return true;
    }

    private static void CheckRange(List<FieldError> errors, string field, double? value, double minimum, double maximum, bool exclusiveMinimum)
    {
        if (value is { } given && (given > maximum || given < minimum || (exclusiveMinimum && given <= minimum)))
        {
            errors.Add(Error(field, exclusiveMinimum
                ? $"Ensure this value is greater than {minimum} and at most {maximum}."
                : $"Ensure this value is between {minimum} and {maximum}."));
        }
    }

    private static void CheckRange(List<FieldError> errors, string field, int? value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            errors.Add(Error(field, $"Ensure this value is between {minimum} and {maximum}."));
        }
    }

    private static FieldError Error(string field, string message) => new(["body", "match_profile", field], message);
}
