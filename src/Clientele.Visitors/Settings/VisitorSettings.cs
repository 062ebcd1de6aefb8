using Clientele.Platform.Tenancy;

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
}
