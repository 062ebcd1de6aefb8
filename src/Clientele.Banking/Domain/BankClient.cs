using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

public sealed class BankClient : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int ClientCode { get; set; }
    public required string Name { get; set; }
    public required string Status { get; set; }
    public int Age { get; set; }
    public required string City { get; set; }
    public decimal AvgMonthlyBalanceKzt { get; set; }
}
