using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Platform.Jobs;

/// <summary>
/// The answer to a request that started a durable job, in the churn seed's task shape: 202 with <c>task_id</c>, <c>status</c>
/// and <c>message</c>, and a Location to poll (<c>/platform/api/jobs/{task_id}</c>) for progress and result.
/// </summary>
public sealed record TaskAccepted(string TaskId, string Status, string Message)
{
    public static Accepted<TaskAccepted> For(Job job, string message, ModuleCatalog catalog) =>
        TypedResults.Accepted(
            $"{catalog.Get(ModuleCatalog.PlatformName).PathBase.TrimEnd('/')}/api/jobs/{job.Id}",
            new TaskAccepted(job.Id.ToString(), job.Status, message));
}
