using System.Diagnostics.Metrics;
using Clientele.Platform.Observability;

namespace Clientele.Platform.RateLimits;

internal static class RateLimitMetrics
{
    public static readonly Counter<long> Rejections = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.rate_limit.rejections", "{request}", "Requests refused with 429 by a rate limit");

    public static readonly Counter<long> RedisFailures = ClienteleTelemetry.Meter.CreateCounter<long>(
        "clientele.rate_limit.redis_failures", "{request}", "Requests let through uncounted because Redis could not be reached");
}
