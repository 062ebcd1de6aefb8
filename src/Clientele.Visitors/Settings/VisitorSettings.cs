using Clientele.Platform.Tenancy;
using Clientele.Visitors.Recognition;
using Clientele.Visitors.Vectors;

namespace Clientele.Visitors.Settings;

/// <summary>What to do with face vectors: keep them to recognise returning visitors, use them only within a visit, or ignore them.</summary>
public enum BiometricMode
{
    Identify,
    SessionOnly,
    Off,
}

/// <summary>
/// An organization's visitor settings: the seed's <c>private_key</c> (the cameras' <c>organization_key</c>), the biometric mode,
/// retention, and <see cref="GalleryVersion"/>, raised by every write to the gallery so another instance knows to reload it.
/// </summary>
public sealed class VisitorSettings : IOrganizationOwned
{
    public const int PrivateKeyLength = 25;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string PrivateKey { get; set; }
    public BiometricMode BiometricMode { get; set; }
    public int RetentionDays { get; set; } = 365;
    public bool RequireConsentForNames { get; set; }
    public long GalleryVersion { get; set; }

    /// <summary>Raised by every change of the match profile and recorded with every decision made under it.</summary>
    public int ProfileVersion { get; set; } = 1;
    public VectorMetric Metric { get; set; } = VectorMetric.Euclidean;
    public float ConfidentDistance { get; set; } = 0.5f;
    public float ProbableDistance { get; set; } = 0.6f;
    public float Margin { get; set; } = 0.1f;
    public int RecentWindowMinutes { get; set; } = 30;
    public int StayGapSeconds { get; set; } = 120;
    public int ExemplarCap { get; set; } = 12;
    public int ConfirmAfterVisits { get; set; } = 2;

    public MatchProfile Profile() => new()
    {
        Version = ProfileVersion, Metric = Metric, ConfidentDistance = ConfidentDistance, ProbableDistance = ProbableDistance, Margin = Margin,
        RecentWindow = TimeSpan.FromMinutes(RecentWindowMinutes), StayGap = TimeSpan.FromSeconds(StayGapSeconds), ExemplarCap = ExemplarCap,
        ConfirmAfterVisits = ConfirmAfterVisits,
    };
}
