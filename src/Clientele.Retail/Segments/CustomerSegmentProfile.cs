using Clientele.Platform.Tenancy;

namespace Clientele.Retail.Segments;

/// <summary>A stored <see cref="Segmentation.SegmentProfile"/> of the organization's latest segmentation.</summary>
public sealed class CustomerSegmentProfile : IOrganizationOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>0 is the best segment (recency score + value score).</summary>
    public int Segment { get; set; }

    public required string Label { get; set; }
    public int Customers { get; set; }
    public double MeanRecencyDays { get; set; }
    public double MedianRecencyDays { get; set; }
    public double MeanFrequency { get; set; }
    public double MedianFrequency { get; set; }
    public decimal MeanMonetary { get; set; }
    public decimal MedianMonetary { get; set; }
    public decimal Revenue { get; set; }
    public double RevenueShare { get; set; }
    public double RecencyScore { get; set; }
    public double ValueScore { get; set; }
    public int Clusters { get; set; }
    public double Silhouette { get; set; }
    public DateOnly ReferenceDate { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
