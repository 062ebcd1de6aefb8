using Clientele.Platform.Tenancy;

namespace Clientele.Platform.Jobs;

/// <summary>
/// A durable unit of long work. Workers claim it with a lease (<see cref="LeaseOwner"/> until <see cref="LeaseExpiresAt"/>);
/// a running job whose lease ran out is claimed again, so a dead worker's job is never lost.
/// </summary>
public sealed class Job : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public required string Kind { get; set; }

    /// <summary>The module a job belongs to (the part of its kind before the first dot); decides who may see and cancel it.</summary>
    public required string Module { get; set; }

    public string Status { get; set; } = JobStatus.Queued;
    public int Progress { get; set; }
    public string? Message { get; set; }
    public string Payload { get; set; } = "{}";
    public string? Result { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public DateTimeOffset RunAfter { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public bool CancelRequested { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the latest attempt started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped by every write (the claim's SQL included): a worker that lost its lease cannot overwrite the new owner's work.</summary>
    public int Version { get; set; }

    public bool IsFinished => JobStatus.IsFinal(Status);
}
