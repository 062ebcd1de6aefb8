namespace Clientele.Platform.Jobs;

/// <summary>The outbox event every status or progress change of a job publishes, in the same SaveChanges as the change.</summary>
public static class JobEvents
{
    public const string Updated = "job.updated";

    public static void PublishUpdate(this JobsDbContext db, Job job) =>
        db.Publish(Updated, new JobUpdated(job.Id, job.Kind, job.Status, job.Progress, job.Message));

    public sealed record JobUpdated(Guid JobId, string Kind, string Status, int Progress, string? Message);
}
