using System.ComponentModel.DataAnnotations;
using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Sales;

/// <summary>A purchase: who (customer_id), when (time_id), what was paid, and how. Its lines are <see cref="Sale"/>s.</summary>
public sealed class RetailTransaction : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int TransactionId { get; set; }
    public int CustomerId { get; set; }
    public int TimeId { get; set; }
    public decimal Amount { get; set; }
    public required string Channel { get; set; }
    public required string PaymentType { get; set; }

    /// <summary>The sum of its lines' line_total, kept with every change of a line so the amount rule is one comparison.</summary>
    public decimal LinesTotal { get; set; }

    /// <summary>Bumped with every change of the transaction or its lines: two lines added at once cannot both pass the amount rule.</summary>
    [ConcurrencyCheck]
    public int Version { get; set; }
}
