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
