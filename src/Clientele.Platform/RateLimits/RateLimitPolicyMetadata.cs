using Microsoft.AspNetCore.Builder;

namespace Clientele.Platform.RateLimits;

/// <summary>Endpoint metadata naming the rate-limit policy of an endpoint, looked up under its module's configuration.</summary>
public sealed record RateLimitPolicyMetadata(string Name);

public static class RateLimitEndpointConventions
{
    /// <summary>Counts this endpoint under <c>Clientele:RateLimits:Modules:&lt;module&gt;:Policies:&lt;name&gt;</c> (or <c>Clientele:RateLimits:Policies:&lt;name&gt;</c>) instead of the module's default.</summary>
    public static TBuilder WithRateLimitPolicy<TBuilder>(this TBuilder builder, string name) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitPolicyMetadata(name));
}

/// <summary>
/// On a page outside every module (a Razor component), counts its form posts under a module's policy: the dashboard's
/// sign-in form shares the platform's <c>login</c> bucket with <c>POST /platform/api/auth/login</c>. Other methods are not counted.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RateLimitedPostsAttribute(string module, string policy) : Attribute
{
    public string Module => module;
    public string Policy => policy;
}
