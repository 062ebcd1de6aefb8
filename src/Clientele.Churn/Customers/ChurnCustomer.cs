using Clientele.Platform.Tenancy;

namespace Clientele.Churn.Customers;

/// <summary>A bank customer: the seed's contact fields, the seven fields the model reads, the known outcome and the latest score.</summary>
public sealed class ChurnCustomer : IOrganizationOwned
{
    public int Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string Phone { get; set; } = "";

    /// <summary>Name, e-mail and phone in lower case, so search is the same case-insensitive match on SQLite and PostgreSQL.</summary>
    public string SearchText { get; set; } = "";

    public int Age { get; set; }
    public int Tenure { get; set; }
    public double Balance { get; set; }
    public int Products { get; set; }
    public bool CreditCard { get; set; }
    public bool Active { get; set; }
    public double Salary { get; set; }

    /// <summary>The outcome, when known (training data): null = still a customer as far as anyone has said.</summary>
    public bool? Churned { get; set; }
    public DateOnly? ChurnedOn { get; set; }

    public double? RiskScore { get; set; }
    public string? ModelVersion { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public void IndexForSearch() => SearchText = $"{Name}\n{Email}\n{Phone}".ToLowerInvariant();
}
