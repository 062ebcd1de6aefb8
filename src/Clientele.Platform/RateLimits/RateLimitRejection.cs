using System.Threading.RateLimiting;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.RateLimiting;

namespace Clientele.Platform.RateLimits;

/// <summary>A refused request gets 429, <c>Retry-After</c> in seconds and its module's own error body.</summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, RateLimitPolicies policies, ModuleCatalog catalog)
    {
        var context = rejected.HttpContext;
        var bucket = policies.BucketFor(context);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : bucket?.Rule.Window ?? TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        RateLimitMetrics.Rejections.Add(1, new KeyValuePair<string, object?>("module", bucket?.Module), new KeyValuePair<string, object?>("policy", bucket?.Policy));
        await catalog.ErrorsFor(context).WriteAsync(context, new ApiError(ErrorKind.TooManyRequests) { RetryAfterSeconds = seconds });
    }
}
