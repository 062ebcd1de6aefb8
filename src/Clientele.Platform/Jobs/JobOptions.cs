namespace Clientele.Platform.Jobs;

/// <summary><c>Clientele:Jobs</c>: whether this process runs workers, how many, how long a claim lasts, and the retry back-off.</summary>
public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Jobs this process runs at the same time.</summary>
    public int Workers { get; set; } = 2;

    public double LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle worker looks for due jobs (jobs enqueued by this process wake it at once).</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>The wait after the first failure; it doubles with every further failure, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 5;

    public double RetryMaxSeconds { get; set; } = 300;

    public int DefaultMaxAttempts { get; set; } = 3;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(LeaseSeconds, 0.3));

    public TimeSpan Heartbeat => Lease / 3;

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(PollSeconds, 0.01));

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1: base · 2^(failed − 1), capped.</summary>
    public TimeSpan BackOff(int failedAttempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Max(failedAttempts - 1, 0));
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryMaxSeconds));
    }
}
