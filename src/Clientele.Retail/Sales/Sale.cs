using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Sales;

/// <summary>One line of a transaction: a product, how many, at what unit price; <see cref="LineTotal"/> is computed.</summary>
public sealed class Sale : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int SaleId { get; set; }
    public int TransactionId { get; set; }
    public int ProductSku { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineTotal { get; set; }

    public static decimal LineTotalOf(int quantity, decimal unitPrice) => decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);
}
