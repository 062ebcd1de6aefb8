using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Products;

/// <summary>A product of the organization's catalogue; <see cref="Sku"/> is its number in Clustr's API (<c>product_sku</c>).</summary>
public sealed class Product : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int Sku { get; set; }
    public required string Name { get; set; }
    public string? Category { get; set; }
    public string? Brand { get; set; }
    public decimal Price { get; set; }
}
