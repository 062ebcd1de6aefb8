using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Identity;

public sealed class User : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>A disabled user cannot sign in, and its sessions end at their next check.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Copied into every session; replaced when the user signs out, which ends every session that carries the old one.</summary>
    public string SessionStamp { get; set; } = NewSessionStamp();

    public static string NewSessionStamp() => Guid.NewGuid().ToString("N");
}
