namespace Clientele.Leads.Qualification;

/// <summary>What one message says about one factor, with the words that say it.</summary>
public sealed record Signal(QualificationFactor Factor, Evidence Evidence, string Quote)
{
    public BudgetRange? Budget { get; init; }

    public Urgency? Urgency { get; init; }

    public Authority? Authority { get; init; }
}

/// <summary>An amount in tenge: both bounds for «15 000 тг», only <see cref="Max"/> for «до 20 тысяч», only <see cref="Min"/> for «от 50к».</summary>
public sealed record BudgetRange(decimal? Min, decimal? Max)
{
    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) when min == max => $"{min:#,0} ₸",
        ({ } min, { } max) => $"{min:#,0}–{max:#,0} ₸",
        (null, { } max) => $"up to {max:#,0} ₸",
        ({ } min, null) => $"from {min:#,0} ₸",
        _ => "unknown",
    };
}

/// <summary>When the lead wants it; the wire names follow the original schema's `urgency` column.</summary>
public enum Urgency
{
    Immediate,
    Week,
    Month,
    Later,
}

public enum Authority
{
    DecisionMaker,
    NeedsApproval,
}
