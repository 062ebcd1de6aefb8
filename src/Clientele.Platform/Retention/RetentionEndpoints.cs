using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Platform.Retention;

public static class RetentionEndpoints
{
    public static void Map(RouteGroupBuilder platform) =>
        platform.MapPost("/api/retention/run", RunAsync).WithName("RunRetention").WithTags("Retention")
            .WithSummary("Queues a purge of finished work past its retention (Clientele:Retention), in every organization; 202 with the job to poll.")
            .RequireAuthorization(WebhookEndpoints.ManagePolicy);

    public static async Task<Accepted<TaskAccepted>> RunAsync(JobQueue queue, ModuleCatalog catalog, CancellationToken cancellationToken) =>
        TaskAccepted.For(await queue.EnqueueAsync(RetentionJob.JobKind, cancellationToken: cancellationToken), "Finished work past its retention is being deleted", catalog);
}
