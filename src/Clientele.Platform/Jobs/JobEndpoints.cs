using System.Security.Claims;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Jobs;

/// <summary>
/// <c>/platform/api/jobs</c>. Any caller of the organization may read, but sees only jobs of modules it may read (a
/// <c>banking:read</c> key sees banking's jobs; users and <c>*</c> keys see all). Cancelling needs write access to the job's module.
/// </summary>
public static class JobEndpoints
{
    public const string ReadPolicy = "jobs:read";
    public const int MaxLimit = 500;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var platform = endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Get(ModuleCatalog.PlatformName);
        // The platform's route group, except that reading asks only for a caller of the organization, not platform:read.
        var jobs = endpoints.MapGroup((platform.PathBase == "/" ? "" : platform.PathBase) + "/api/jobs")
            .WithGroupName(platform.Name)
            .WithMetadata(platform)
            .WithTags("Jobs")
            .RequireAuthorization(ReadPolicy);
        jobs.MapGet("/", ListAsync).WithName("ListJobs").WithSummary("The organization's jobs, newest first; ?status= filters.");
        jobs.MapGet("/{id}", GetAsync).WithName("GetJob").WithSummary("One job: status, progress, message, result.");
        jobs.MapPost("/{id}/cancel", CancelAsync).WithName("CancelJob")
            .WithSummary("Cancels a queued job at once, or asks a running one to stop.");
    }

    public static async Task<Results<Ok<List<JobView>>, JsonHttpResult<object>>> ListAsync(
        string? status, int? limit, ClaimsPrincipal user, ModuleCatalog catalog, JobQueue queue, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        if (status is not null && !JobStatus.All.Contains(status))
        {
            problems.Add(new FieldError(["query", "status"], $"Input should be {string.Join(", ", JobStatus.All.Select(s => $"'{s}'"))}", "enum"));
        }
        if (limit is < 1 or > MaxLimit)
        {
            problems.Add(new FieldError(["query", "limit"], $"Input should be between 1 and {MaxLimit}", "value_error"));
        }
        if (problems.Count > 0)
        {
            return FastApiErrorShape.Instance.Result(ApiError.Invalid(problems));
        }
        var jobs = await queue.ListAsync(status, ReadableModules(user, catalog), limit ?? 100, cancellationToken);
        return TypedResults.Ok(jobs.Select(JobView.Of).ToList());
    }

    public static async Task<Results<Ok<JobView>, JsonHttpResult<object>>> GetAsync(
        Guid id, ClaimsPrincipal user, ModuleCatalog catalog, JobQueue queue, CancellationToken cancellationToken) =>
        await queue.GetAsync(id, ReadableModules(user, catalog), cancellationToken) is { } job ? TypedResults.Ok(JobView.Of(job)) : NotFound();

    public static async Task<Results<Ok<JobView>, JsonHttpResult<object>>> CancelAsync(
        Guid id, ClaimsPrincipal user, ModuleCatalog catalog, JobQueue queue, CancellationToken cancellationToken)
    {
        if (await queue.GetAsync(id, ReadableModules(user, catalog), cancellationToken) is not { } visible)
        {
            return NotFound();
        }
        if (!ModuleAccess.Allows(user, visible.Module, Access.Write))
        {
            return FastApiErrorShape.Instance.Result(new ApiError(ErrorKind.Forbidden, $"Cancelling needs write access to {visible.Module}"));
        }
        var job = await queue.CancelAsync(id, cancellationToken);
        if (job is null)
        {
            return NotFound();
        }
        if (job.Status is JobStatus.Succeeded or JobStatus.Failed)
        {
            return FastApiErrorShape.Instance.Result(new ApiError(ErrorKind.Conflict, $"Job already {job.Status}"));
        }
        return TypedResults.Ok(JobView.Of(job));
    }

    /// <summary>Null when the caller may read every module (a user, or a key with a <c>*</c> scope); else the modules its scopes name.</summary>
    public static IReadOnlyCollection<string>? ReadableModules(ClaimsPrincipal user, ModuleCatalog catalog)
    {
        if (user.FindFirst(ClaimTypes.Role) is not null || ModuleAccess.Allows(user, "*", Access.Read))
        {
            return null;
        }
        return catalog.Modules.Select(m => m.Name).Where(m => ModuleAccess.Allows(user, m, Access.Read)).ToList();
    }

    private static JsonHttpResult<object> NotFound() => FastApiErrorShape.Instance.Result(ApiError.NotFound("Job not found"));
}
