using System.Text.Json;
using Clientele.Platform.Jobs;
using Microsoft.AspNetCore.Http;

namespace Clientele.Churn.Shared;

/// <summary>
/// The seed's task shapes over the platform's durable jobs: 202 <c>{task_id, status, message}</c> with a Location under churn, and
/// the status <c>{task_id, status, progress, message, completed_at}</c> (plus the job's <c>result</c>) for one kind of job.
/// </summary>
public static class ChurnTasks
{
    public sealed record TaskStatusView(string TaskId, string Status, int Progress, string? Message, DateTime? CompletedAt, JsonElement? Result);

    public static IResult Accepted(HttpContext context, Job job, string message) =>
        TypedResults.Accepted($"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{job.Id}/", new TaskAccepted(job.Id.ToString(), job.Status, message));

    public static async Task<IResult> StatusAsync(JobQueue queue, string taskId, string kind, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(taskId, out var id) || await queue.GetAsync(id, [ChurnModule.Name], cancellationToken) is not { } job || job.Kind != kind)
        {
            return ChurnResults.NotFound();
        }
        var message = job.Status == JobStatus.Failed ? job.LastError ?? job.Message : job.Message;
        return TypedResults.Ok(new TaskStatusView(job.Id.ToString(), job.Status, job.Progress, message, job.FinishedAt?.UtcDateTime,
            job.Result is null ? null : JsonDocument.Parse(job.Result).RootElement.Clone()));
    }
}
