using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Identity;

/// <summary>An organization's API key. Only a SHA-256 of the secret is stored; the key itself is shown once, at creation.</summary>
public sealed class ApiKey : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public required string Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
