using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

/// <summary>A money movement in or out of the client's accounts (salary_in, atm_withdrawal, fx_buy…).</summary>
public sealed class Transfer : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int ClientCode { get; set; }
    public DateTime OccurredAt { get; set; }
    public required string Type { get; set; }
    public required string Direction { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public decimal AmountKzt { get; set; }
}
