namespace Clientele.Leads.Qualification;

/// <summary>The five things the bot finds out: BANT plus contact quality.</summary>
public enum QualificationFactor
{
    Need,
    Budget,
    Timeline,
    Authority,
    Contact,
}

/// <summary>
/// How strongly the conversation supports a factor, 0–4. <see cref="Unknown"/> sits in the middle on purpose: a lead
/// is not punished for a question the bot has not asked yet.
/// </summary>
public enum Evidence
{
    Negative = 0,
    Weak = 1,
    Unknown = 2,
    Strong = 3,
    Confirmed = 4,
}

/// <summary>One factor's share of the quality score and the words that earned it.</summary>
public sealed record FactorScore(QualificationFactor Factor, Evidence Evidence, int Points, int MaxPoints, string Explanation);

public static class FactorNames
{
    public static string WireName(this QualificationFactor factor) => factor switch
    {
        QualificationFactor.Need => "need",
        QualificationFactor.Budget => "budget",
        QualificationFactor.Timeline => "timeline",
        QualificationFactor.Authority => "authority",
        _ => "contact",
    };
}
