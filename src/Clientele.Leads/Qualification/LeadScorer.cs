namespace Clientele.Leads.Qualification;

/// <summary>
/// Weighted BANT plus contact: each factor's evidence (0–4) times its weight / 4, minus spam penalties, clamped to 0–100.
/// A conversation where nothing is known yet scores 50.
/// </summary>
public static class LeadScorer
{
    public static readonly IReadOnlyDictionary<QualificationFactor, int> Weights = new Dictionary<QualificationFactor, int>
    {
        [QualificationFactor.Need] = 25,
        [QualificationFactor.Budget] = 25,
        [QualificationFactor.Timeline] = 25,
        [QualificationFactor.Authority] = 10,
        [QualificationFactor.Contact] = 15,
    };

    private static readonly Dictionary<QualificationFactor, string> UnknownReasons = new()
    {
        [QualificationFactor.Need] = "need not stated yet",
        [QualificationFactor.Budget] = "budget not stated yet",
        [QualificationFactor.Timeline] = "timing not stated yet",
        [QualificationFactor.Authority] = "decision maker not known yet",
        [QualificationFactor.Contact] = "no phone yet",
    };

    public static FactorScore Score(QualificationFactor factor, Signal? signal)
    {
        var evidence = signal?.Evidence ?? Evidence.Unknown;
        var weight = Weights[factor];
        var points = (int)Math.Round(weight * (int)evidence / 4.0, MidpointRounding.AwayFromZero);
        return new FactorScore(factor, evidence, points, weight, signal?.Quote ?? UnknownReasons[factor]);
    }

    /// <summary>Summed before rounding, so five half-points do not drift the total.</summary>
    public static int Total(IEnumerable<FactorScore> factors, IEnumerable<SpamFinding> spam)
    {
        var points = factors.Sum(factor => factor.MaxPoints * (int)factor.Evidence / 4.0);
        return Math.Clamp((int)Math.Round(points, MidpointRounding.AwayFromZero) - spam.Sum(finding => finding.Penalty), 0, 100);
    }
}
