namespace Clientele.Churn.Scoring;

/// <summary>One field's signed share of a score (positive raises churn risk), with the customer's value in business words.</summary>
public sealed record Factor(string Feature, double Contribution, string Description);

/// <summary>A score split into <see cref="BaseScore"/> plus one contribution per field; the contributions add up to Score − BaseScore.</summary>
public sealed record Explanation(double Score, double BaseScore, IReadOnlyList<Factor> Factors);
