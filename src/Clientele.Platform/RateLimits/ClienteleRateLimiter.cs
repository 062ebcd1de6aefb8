using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Clientele.Platform.RateLimits;

/// <summary>The global limiter: one fixed window per bucket, counted in Redis when <c>ConnectionStrings:Redis</c> is set, else in this process.</summary>
public sealed class ClienteleRateLimiter : IDisposable
{
    private static readonly RateLimitBucket Unlimited = new("", "", "", new RateLimitRule(0, 1));

    public ClienteleRateLimiter(RateLimitPolicies policies, RedisRateLimitStore redis)
    {
        var shared = Shared = redis.ConnectionString is not null;
        Limiter = PartitionedRateLimiter.Create<HttpContext, RateLimitBucket>(context => policies.BucketFor(context) is { } bucket
            ? RateLimitPartition.Get(bucket, b => shared ? new RedisWindowLimiter(redis, b) : InProcess(b.Rule))
            : RateLimitPartition.GetNoLimiter(Unlimited));
    }

    public bool Shared { get; }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    private static FixedWindowRateLimiter InProcess(RateLimitRule rule) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = rule.PermitLimit,
        Window = rule.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public void Dispose() => Limiter.Dispose();
}
