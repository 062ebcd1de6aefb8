namespace Clientele.Leads.Qualification;

/// <summary>
/// The status a score earns, first rule that holds:
/// spam — penalty ≥ <see cref="QualificationOptions.CertainSpamPenalty"/>, or ≥ <see cref="QualificationOptions.SuspectSpamPenalty"/> without real
/// engagement (a strong need; after advertising or profanity also a strong budget, timing or authority answer);
/// hot — score ≥ <see cref="QualificationOptions.HotScore"/>, need strong, wanted today or this week, no objection to price, nobody else to ask;
/// qualified — score ≥ <see cref="QualificationOptions.QualifiedScore"/>, need strong, budget or timing strong, not postponed;
/// contacted — everything else (nurture: the bot keeps asking).
/// </summary>
public static class StatusRules
{
    public static (QualificationStatus Status, string Reason) Decide(int score, IReadOnlyList<FactorScore> factors, IReadOnlyList<SpamFinding> spam, Urgency? urgency, QualificationOptions options)
    {
        Evidence Of(QualificationFactor factor) => factors.First(item => item.Factor == factor).Evidence;
        var need = Of(QualificationFactor.Need);
        var budget = Of(QualificationFactor.Budget);
        var timeline = Of(QualificationFactor.Timeline);
        var authority = Of(QualificationFactor.Authority);
        var penalty = spam.Sum(finding => finding.Penalty);
        var hostile = spam.Any(finding => finding.Signal is SpamSignal.Advertising or SpamSignal.Profanity);
        var engaged = need >= Evidence.Strong
                      && (!hostile || budget >= Evidence.Strong || timeline >= Evidence.Strong || authority >= Evidence.Strong);

        if (penalty >= options.CertainSpamPenalty)
            return (QualificationStatus.Spam, $"spam signals cost {penalty} points ({Signals(spam)})");
        if (penalty >= options.SuspectSpamPenalty && !engaged)
            return (QualificationStatus.Spam, $"spam signals ({Signals(spam)}) and no real need");
        if (score >= options.HotScore && need >= Evidence.Strong && urgency is Urgency.Immediate or Urgency.Week
            && budget >= Evidence.Unknown && authority >= Evidence.Unknown)
            return (QualificationStatus.Hot, $"score {score} ≥ {options.HotScore}, clear need, wanted {(urgency == Urgency.Immediate ? "now" : "this week")}");
        if (score >= options.QualifiedScore && need >= Evidence.Strong && (budget >= Evidence.Strong || timeline >= Evidence.Strong)
            && timeline >= Evidence.Unknown)
            return (QualificationStatus.Qualified, $"score {score} ≥ {options.QualifiedScore}, clear need and {(budget >= Evidence.Strong ? "budget" : "timing")}");
        return (QualificationStatus.Contacted, Reason(score, need, budget, timeline, options));
    }

    private static string Signals(IEnumerable<SpamFinding> spam) =>
        string.Join(", ", spam.GroupBy(finding => finding.Signal).Select(group => $"{group.Key}: «{group.First().Quote}»"));

    private static string Reason(int score, Evidence need, Evidence budget, Evidence timeline, QualificationOptions options)
    {
        if (need < Evidence.Strong)
            return "no clear need yet";
        if (timeline < Evidence.Unknown)
            return "postponed";
        if (budget < Evidence.Strong && timeline < Evidence.Strong)
            return "neither budget nor timing known";
        return $"score {score} < {options.QualifiedScore}";
    }
}
