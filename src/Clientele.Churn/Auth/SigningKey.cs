using Clientele.Platform.Tenancy;

namespace Clientele.Churn.Auth;

/// <summary>An organization's HMAC key for its tokens, protected with the shared Data Protection key ring.</summary>
public sealed class SigningKey : IOrganizationOwned
{
    public int Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ProtectedSecret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
