using System.Diagnostics;
using System.Diagnostics.Metrics;
using Clientele.Platform.Observability;

namespace Clientele.Platform.Jobs;

/// <summary>Job instruments on the shared meter, tagged with the job's kind.</summary>
public static class JobMetrics
{
    private static readonly Counter<long> StartedCounter = ClienteleTelemetry.Meter.CreateCounter<long>("clientele.jobs.started", "{job}", "Job attempts started");
    private static readonly Counter<long> SucceededCounter = ClienteleTelemetry.Meter.CreateCounter<long>("clientele.jobs.succeeded", "{job}", "Jobs that succeeded");
    private static readonly Counter<long> FailedCounter = ClienteleTelemetry.Meter.CreateCounter<long>("clientele.jobs.failed", "{job}", "Jobs that failed after their last attempt");
    private static readonly Counter<long> RetriedCounter = ClienteleTelemetry.Meter.CreateCounter<long>("clientele.jobs.retried", "{job}", "Failed attempts queued again with back-off");
    private static readonly Counter<long> CancelledCounter = ClienteleTelemetry.Meter.CreateCounter<long>("clientele.jobs.cancelled", "{job}", "Jobs cancelled while running");
    private static readonly Histogram<double> Duration = ClienteleTelemetry.Meter.CreateHistogram<double>("clientele.jobs.duration", "s", "Duration of one job attempt");

    private static long _queueDepth;

    static JobMetrics() =>
        ClienteleTelemetry.Meter.CreateObservableGauge("clientele.jobs.queue_depth", () => Interlocked.Read(ref _queueDepth), "{job}",
            "Queued jobs of every organization, as a worker of this process last counted them");

    public static void Started(string kind) => StartedCounter.Add(1, Kind(kind));

    public static void Finished(string kind, string outcome, TimeSpan duration)
    {
        var tag = Kind(kind);
        var counter = outcome switch
        {
            JobStatus.Succeeded => SucceededCounter,
            JobStatus.Failed => FailedCounter,
            JobStatus.Cancelled => CancelledCounter,
            JobStatus.Queued => RetriedCounter,
            _ => null,
        };
        counter?.Add(1, tag);
        Duration.Record(duration.TotalSeconds, tag, new("outcome", outcome));
    }

    public static void QueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);

    private static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);

    internal static void Tag(Activity? activity, JobClaim claim)
    {
        activity?.SetTag("job.id", claim.Id.ToString());
        activity?.SetTag("job.kind", claim.Kind);
        activity?.SetTag("job.attempt", claim.Attempt);
        activity?.SetTag("organization.id", claim.OrganizationId.ToString());
    }
}
