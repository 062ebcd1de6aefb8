using Clientele.Leads.Qualification;

namespace Clientele.Leads.Tests.Qualification;

public sealed class StatusAndScoreTests
{
    private static readonly QualificationOptions Defaults = new();

    private static List<FactorScore> Factors(Evidence need, Evidence budget, Evidence timeline, Evidence authority = Evidence.Unknown, Evidence contact = Evidence.Unknown) =>
    [
        LeadScorer.Score(QualificationFactor.Need, Signal(QualificationFactor.Need, need)),
        LeadScorer.Score(QualificationFactor.Budget, Signal(QualificationFactor.Budget, budget)),
        LeadScorer.Score(QualificationFactor.Timeline, Signal(QualificationFactor.Timeline, timeline)),
        LeadScorer.Score(QualificationFactor.Authority, Signal(QualificationFactor.Authority, authority)),
        LeadScorer.Score(QualificationFactor.Contact, Signal(QualificationFactor.Contact, contact)),
    ];

    private static Signal? Signal(QualificationFactor factor, Evidence evidence) =>
        evidence == Evidence.Unknown ? null : new Signal(factor, evidence, "test");

    [Fact]
    public void Weights_add_up_to_100_and_nothing_known_scores_50()
    {
        Assert.Equal(100, LeadScorer.Weights.Values.Sum());
        Assert.Equal(50, LeadScorer.Total(Factors(Evidence.Unknown, Evidence.Unknown, Evidence.Unknown), []));
        Assert.Equal(100, LeadScorer.Total(Factors(Evidence.Confirmed, Evidence.Confirmed, Evidence.Confirmed, Evidence.Confirmed, Evidence.Confirmed), []));
    }

    [Fact]
    public void Every_factor_explains_itself()
    {
        var factors = Factors(Evidence.Unknown, Evidence.Unknown, Evidence.Unknown);

        Assert.All(factors, factor => Assert.False(string.IsNullOrWhiteSpace(factor.Explanation)));
        Assert.Equal("budget not stated yet", factors.Single(factor => factor.Factor == QualificationFactor.Budget).Explanation);
    }

    [Fact]
    public void Spam_penalties_are_subtracted_and_clamped_at_zero()
    {
        var factors = Factors(Evidence.Weak, Evidence.Unknown, Evidence.Unknown);
        SpamFinding[] spam = [new(SpamSignal.Advertising, 30, "x"), new(SpamSignal.Link, 20, "y"), new(SpamSignal.Profanity, 25, "z")];

        Assert.Equal(0, LeadScorer.Total(factors, spam));
    }

    [Fact]
    public void Hot_needs_a_high_score_a_need_and_now_or_this_week()
    {
        var factors = Factors(Evidence.Confirmed, Evidence.Confirmed, Evidence.Confirmed);
        var score = LeadScorer.Total(factors, []);

        Assert.Equal(QualificationStatus.Hot, StatusRules.Decide(score, factors, [], Urgency.Immediate, Defaults).Status);
        Assert.Equal(QualificationStatus.Qualified, StatusRules.Decide(score, factors, [], Urgency.Month, Defaults).Status);
    }

    [Fact]
    public void Someone_else_to_ask_or_a_price_objection_keeps_a_lead_qualified_not_hot()
    {
        var approval = Factors(Evidence.Confirmed, Evidence.Confirmed, Evidence.Confirmed, Evidence.Weak, Evidence.Confirmed);
        var haggling = Factors(Evidence.Confirmed, Evidence.Weak, Evidence.Confirmed, Evidence.Unknown, Evidence.Confirmed);

        Assert.Equal(QualificationStatus.Qualified, StatusRules.Decide(LeadScorer.Total(approval, []), approval, [], Urgency.Immediate, Defaults).Status);
        Assert.Equal(QualificationStatus.Qualified, StatusRules.Decide(LeadScorer.Total(haggling, []), haggling, [], Urgency.Immediate, Defaults).Status);
    }

    [Fact]
    public void A_need_alone_or_a_postponed_lead_stays_contacted()
    {
        var needOnly = Factors(Evidence.Confirmed, Evidence.Unknown, Evidence.Unknown, Evidence.Unknown, Evidence.Confirmed);
        var postponed = Factors(Evidence.Confirmed, Evidence.Confirmed, Evidence.Weak);

        Assert.Equal(QualificationStatus.Contacted, StatusRules.Decide(LeadScorer.Total(needOnly, []), needOnly, [], null, Defaults).Status);
        Assert.Equal(QualificationStatus.Contacted, StatusRules.Decide(LeadScorer.Total(postponed, []), postponed, [], Urgency.Later, Defaults).Status);
    }

    [Fact]
    public void Spam_wins_over_everything_when_the_penalty_is_large_and_over_a_vague_lead_when_it_is_moderate()
    {
        var vague = Factors(Evidence.Unknown, Evidence.Unknown, Evidence.Unknown);
        var real = Factors(Evidence.Confirmed, Evidence.Unknown, Evidence.Unknown);
        SpamFinding[] link = [new(SpamSignal.Link, 25, "t.me/x")];
        SpamFinding[] heavy = [new(SpamSignal.Advertising, 30, "заработок"), new(SpamSignal.Link, 20, "t.me/x")];

        Assert.Equal(QualificationStatus.Spam, StatusRules.Decide(LeadScorer.Total(vague, link), vague, link, null, Defaults).Status);
        Assert.NotEqual(QualificationStatus.Spam, StatusRules.Decide(LeadScorer.Total(real, link), real, link, null, Defaults).Status);
        Assert.Equal(QualificationStatus.Spam, StatusRules.Decide(LeadScorer.Total(real, heavy), real, heavy, null, Defaults).Status);
    }

    [Fact]
    public void Thresholds_are_settings()
    {
        var factors = Factors(Evidence.Confirmed, Evidence.Confirmed, Evidence.Strong);
        var score = LeadScorer.Total(factors, []);
        var strict = new QualificationOptions { QualifiedScore = 90, HotScore = 95 };

        Assert.Equal(QualificationStatus.Qualified, StatusRules.Decide(score, factors, [], Urgency.Week, new QualificationOptions { HotScore = 95 }).Status);
        Assert.Equal(QualificationStatus.Contacted, StatusRules.Decide(score, factors, [], Urgency.Week, strict).Status);
    }
}
