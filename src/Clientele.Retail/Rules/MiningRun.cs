using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Rules;

/// <summary>One mining of the organization's baskets (a durable job): what was asked, and what it found.</summary>
public sealed class MiningRun : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The run's number in the API (<c>run_id</c>), per organization from 1.</summary>
    public int RunId { get; set; }

    public Guid JobId { get; set; }
    public string Status { get; set; } = MiningRunStatus.Queued;
    public double MinSupport { get; set; }
    public double MinConfidence { get; set; }
    public double MinLift { get; set; }
    public int MaxLength { get; set; }
    public DateOnly? DateFrom { get; set; }
    public DateOnly? DateTo { get; set; }
    public string? Channel { get; set; }
    public string? City { get; set; }
    public string? CustomerSegment { get; set; }
    public int Baskets { get; set; }
    public long Itemsets { get; set; }
    public int RulesFound { get; set; }

    /// <summary>The rules stored: all found, or the <see cref="RetailOptions.MaxRulesPerRun"/> of highest lift.</summary>
    public int Rules { get; set; }
    public double? Seconds { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The bundle recommender trained on the same baskets (<see cref="Bundling"/>), serialised.</summary>
    public byte[]? BundleModel { get; set; }

    /// <summary>The SKU of each item id of <see cref="BundleModel"/>, ascending: <c>,1001,1002,</c>.</summary>
    public string? BundleSkus { get; set; }
}

public static class MiningRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
