using Clientele.Churn.Auth;

namespace Clientele.Churn.Customers;

/// <summary>
/// A customer as the seed lists it (<c>id, name, email, phone, risk_score, last_updated</c>), then additive fields: the model's
/// seven inputs, the known outcome and the band of the score. E-mail and phone are masked without the PII permission.
/// </summary>
public sealed record CustomerView(
    int Id, string Name, string Email, string Phone, double? RiskScore, DateTime LastUpdated,
    int Age, int Tenure, double Balance, int Products, bool CreditCard, bool Active, double Salary,
    bool? Churned, DateOnly? ChurnDate, string? RiskBand, string? ModelVersion)
{
    public static CustomerView Of(ChurnCustomer c, ChurnPermissions permissions, RiskBands bands) => new(
        c.Id, c.Name, permissions.ViewPii ? c.Email : Masking.Email(c.Email), permissions.ViewPii ? c.Phone : Masking.Phone(c.Phone),
        c.RiskScore, c.LastUpdated.UtcDateTime, c.Age, c.Tenure, c.Balance, c.Products, c.CreditCard, c.Active, c.Salary,
        c.Churned, c.ChurnedOn, c.RiskScore is { } score ? bands.Of(score) : null, c.ModelVersion);
}

/// <summary>The seed's detail view: the customer and its score history, newest first.</summary>
public sealed record CustomerDetailView(
    int Id, string Name, string Email, string Phone, double? RiskScore, DateTime LastUpdated,
    int Age, int Tenure, double Balance, int Products, bool CreditCard, bool Active, double Salary,
    bool? Churned, DateOnly? ChurnDate, string? RiskBand, string? ModelVersion, IReadOnlyList<RiskPoint> RiskHistory)
{
    public static CustomerDetailView Of(CustomerView c, IReadOnlyList<RiskPoint> history) => new(
        c.Id, c.Name, c.Email, c.Phone, c.RiskScore, c.LastUpdated, c.Age, c.Tenure, c.Balance, c.Products, c.CreditCard, c.Active,
        c.Salary, c.Churned, c.ChurnDate, c.RiskBand, c.ModelVersion, history);
}

/// <summary>One point of the history: the seed's <c>score</c> and <c>timestamp</c>, and which model said it and why.</summary>
public sealed record RiskPoint(double Score, DateTime Timestamp, string ModelVersion, string Source, IReadOnlyList<FactorView> TopFactors);

public sealed record FactorView(string Feature, double Contribution, string Description);
