namespace Clientele.Churn.Scoring;

/// <summary>A training row: the seven fields and whether the customer left.</summary>
public sealed record LabelledCustomer(ChurnFeatures Features, bool Churned);
