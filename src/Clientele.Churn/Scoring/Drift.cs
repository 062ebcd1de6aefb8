namespace Clientele.Churn.Scoring;

/// <summary>Population stability index of current customers against a training baseline; above 0.2 reads as drift.</summary>
public static class Drift
{
    public const double Threshold = 0.2;

    /// <summary>Floor for a bin's share, so an empty bin adds a large but finite term.</summary>
    public const double Epsilon = 1e-4;

    /// <summary>PSI per feature: Σ over bins (current − expected) × ln(current / expected); empty when there are no current rows.</summary>
    public static IReadOnlyDictionary<string, double> Psi(TrainingBaseline baseline, IReadOnlyList<ChurnFeatures> current)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (current.Count == 0)
        {
            return result;
        }
        foreach (var histogram in baseline.Features)
        {
            var field = IndexOf(histogram.Feature);
            var actual = histogram.SharesOf(current.Select(row => row.Value(field)));
            result[histogram.Feature] = histogram.Shares.Zip(actual, (expectedShare, actualShare) =>
            {
                var expected = Math.Max(expectedShare, Epsilon);
                var observed = Math.Max(actualShare, Epsilon);
                return (observed - expected) * Math.Log(observed / expected);
            }).Sum();
        }
        return result;
    }

    private static int IndexOf(string feature)
    {
        for (var field = 0; field < ChurnFeatures.Names.Count; field++)
        {
            if (ChurnFeatures.Names[field] == feature)
            {
                return field;
            }
        }
        throw new ArgumentException($"'{feature}' is not one of the seven churn fields.", nameof(feature));
    }
}
