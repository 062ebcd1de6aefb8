namespace Clientele.Platform.Jobs;

/// <summary>A job a worker has just claimed: what it needs to run the attempt and to prove, on every write, that the job is still its own.</summary>
public sealed record JobClaim(
    Guid Id, Guid OrganizationId, string Kind, string Payload, int Attempt, int MaxAttempts, bool CancelRequested, string Owner, DateTimeOffset StartedAt);
