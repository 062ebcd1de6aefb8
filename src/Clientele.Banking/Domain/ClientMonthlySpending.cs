using Clientele.Platform.Tenancy;

namespace Clientele.Banking.Domain;

/// <summary>
/// One client's card spending in one category in one month (<c>yyyy-MM</c> of the bank's wall clock), as the summaries job
/// last computed it. Unique per organization, client, month and category; the job replaces a client's rows as a whole.
/// </summary>
public sealed class ClientMonthlySpending : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int ClientCode { get; set; }
    public required string Month { get; set; }
    public required string Category { get; set; }
    public decimal AmountKzt { get; set; }
    public int Transactions { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
