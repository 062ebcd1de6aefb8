namespace Clientele.Platform.Tenancy;

/// <summary>The organization anonymous development requests and unqualified commands act for; created at start-up when missing.</summary>
public sealed class DefaultOrganization
{
    public const string DefaultSlug = "default";

    public Guid Id { get; internal set; }
    public string Slug { get; internal set; } = DefaultSlug;
}
