using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Clientele.Platform.RateLimits;

/// <summary>One bucket's limiter over the shared Redis counter. The synchronous attempt never grants, so the middleware always asks Redis asynchronously.</summary>
internal sealed class RedisWindowLimiter(RedisRateLimitStore store, RateLimitBucket bucket) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? WindowLease.Granted : WindowLease.AskAsynchronously;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        if (permitCount == 0)
        {
            return WindowLease.Granted;
        }
        var count = await store.HitAsync(bucket, permitCount);
        return count is null || count.Value.Count <= bucket.Rule.PermitLimit ? WindowLease.Granted : WindowLease.Refused(count.Value.ResetsIn);
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);
        public static readonly WindowLease AskAsynchronously = new(false, null);

        public static WindowLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
