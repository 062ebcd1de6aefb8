using Clientele.Leads.Phones;

namespace Clientele.Leads.Qualification;

/// <summary>The engine's statuses; a lead's other statuses (`new`, `won`, `lost`) are set by people or by the API.</summary>
public enum QualificationStatus
{
    Contacted,
    Qualified,
    Hot,
    Spam,
}

public static class QualificationStatusNames
{
    public static string WireName(this QualificationStatus status) => status switch
    {
        QualificationStatus.Qualified => "qualified",
        QualificationStatus.Hot => "hot",
        QualificationStatus.Spam => "spam",
        _ => "contacted",
    };
}

/// <summary>
/// Where a lead stands after its latest message: <see cref="QualityScore"/> 0–100 (the seed's `quality_score`), the
/// status it earns, why, one <see cref="FactorScore"/> per factor and the spam findings that were subtracted.
/// </summary>
public sealed record Assessment(
    int QualityScore,
    QualificationStatus Status,
    string StatusReason,
    IReadOnlyList<FactorScore> Factors,
    IReadOnlyList<SpamFinding> Spam,
    Language Language)
{
    public BudgetRange? Budget { get; init; }

    public Urgency? Urgency { get; init; }

    public Authority? Authority { get; init; }

    public NormalizedPhone? Phone { get; init; }

    public int SpamPenalty => Spam.Sum(finding => finding.Penalty);

    public Evidence EvidenceFor(QualificationFactor factor) => Factors.First(score => score.Factor == factor).Evidence;
}
