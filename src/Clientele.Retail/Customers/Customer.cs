using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Customers;

/// <summary>A customer of the organization; <see cref="CustomerId"/> is its number in Clustr's API.</summary>
public sealed class Customer : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int CustomerId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string Gender { get; set; }
    public int Age { get; set; }
    public DateOnly Dob { get; set; }
    public required string Email { get; set; }
    public required string Phone { get; set; }
    public required string City { get; set; }
    public required string IncomeLevel { get; set; }
    public required string ShoppingPreference { get; set; }

    /// <summary>Null until someone (a person, an import, the segmentation) names one.</summary>
    public string? CustomerSegment { get; set; }
}
