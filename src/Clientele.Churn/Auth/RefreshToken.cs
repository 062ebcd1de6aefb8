using Clientele.Platform.Tenancy;

namespace Clientele.Churn.Auth;

/// <summary>
/// One refresh token, by its <c>jti</c>. Tokens of one login share a <see cref="FamilyId"/>: each refresh uses one up and issues the
/// next; presenting a used one again means it was copied, and the whole family is revoked.
/// </summary>
public sealed class RefreshToken : IOrganizationOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
