namespace Clientele.Retail.Segmentation;

public sealed record SegmentationOptions
{
    /// <summary>The number of segments; null chooses it by the best silhouette over <see cref="MinClusters"/>..<see cref="MaxClusters"/>.</summary>
    public int? Clusters { get; init; }

    public int MinClusters { get; init; } = 2;

    public int MaxClusters { get; init; } = 8;

    public int Seed { get; init; } = 14;

    /// <summary>Customers sampled (seeded) to compute a silhouette; all of them below this.</summary>
    public int SilhouetteSample { get; init; } = 2000;
}

/// <summary>
/// A segment's profile: its customers, mean and median RFM, revenue and share of all revenue, and the centroid on the
/// scaled axes that names it: <see cref="RecencyScore"/> (minus the standardised log recency: higher is more recent)
/// and <see cref="ValueScore"/> (mean of standardised log frequency and log monetary value).
/// </summary>
public sealed record SegmentProfile(
    int Segment,
    string Label,
    int Customers,
    double MeanRecencyDays,
    double MedianRecencyDays,
    double MeanFrequency,
    double MedianFrequency,
    decimal MeanMonetary,
    decimal MedianMonetary,
    decimal Revenue,
    double RevenueShare,
    double RecencyScore,
    double ValueScore);

public sealed record CustomerSegment(long CustomerId, int Segment, string Label, RfmFeatures Features);

/// <summary>
/// The result: segments numbered from 0 by <c>RecencyScore + ValueScore</c>, best first; the silhouette of each k tried
/// (empty when k was given or fewer than three distinct customers); customers who bought nothing are listed apart.
/// </summary>
public sealed record CustomerSegmentation(
    int Clusters,
    double Silhouette,
    IReadOnlyDictionary<int, double> SilhouetteByClusters,
    IReadOnlyList<SegmentProfile> Segments,
    IReadOnlyList<CustomerSegment> Customers,
    IReadOnlyList<long> WithoutPurchases);
