using System.Globalization;

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
        ({ } min, { } max) when min == max => $"{Tenge(min)} ₸",
        ({ } min, { } max) => $"{Tenge(min)}–{Tenge(max)} ₸",
        (null, { } max) => $"up to {Tenge(max)} ₸",
        ({ } min, null) => $"from {Tenge(min)} ₸",
        _ => "unknown",
    };

    private static string Tenge(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture).Replace(',', ' ');
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
