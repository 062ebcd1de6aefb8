using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Idempotency;

/// <summary>A creating POST's <c>Idempotency-Key</c> with the request it came with and the answer it got, per organization.</summary>
public sealed class IdempotencyKey : IOrganizationOwned
{
    public const int MaxLength = 255;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Key { get; set; }

    /// <summary>SHA-256 (hex) of the route and the request's bound body and path values.</summary>
    public required string Fingerprint { get; set; }

    public int StatusCode { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
