using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Rules;

/// <summary>An association rule of a <see cref="MiningRun"/>, its itemsets as product SKUs.</summary>
public sealed class MinedRule : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public long MiningRunId { get; set; }

    /// <summary>SKUs ascending between commas (<c>,1001,1042,</c>), so "rules naming a product" is one LIKE.</summary>
    public required string Antecedents { get; set; }

    public required string Consequents { get; set; }

    public int Length { get; set; }
    public double Support { get; set; }
    public double Confidence { get; set; }
    public double Lift { get; set; }
    public double Leverage { get; set; }

    /// <summary>Null when infinite (confidence 1): JSON has no infinity.</summary>
    public double? Conviction { get; set; }
}
