using System.Text.Json;

namespace Clientele.Platform.Jobs;

/// <summary>A job as the API shows it. Payload and result are the stored JSON; the worker's identity stays inside.</summary>
public sealed record JobView(
    Guid Id,
    string Kind,
    string Status,
    int Progress,
    string? Message,
    JsonElement? Payload,
    JsonElement? Result,
    int Attempts,
    int MaxAttempts,
    string? LastError,
    bool CancelRequested,
    DateTimeOffset RunAfter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset UpdatedAt)
{
    public static JobView Of(Job job) => new(
        job.Id, job.Kind, job.Status, job.Progress, job.Message, JobJson.Element(job.Payload), JobJson.Element(job.Result),
        job.Attempts, job.MaxAttempts, job.LastError, job.CancelRequested, job.RunAfter, job.CreatedAt, job.StartedAt, job.FinishedAt, job.UpdatedAt);
}
