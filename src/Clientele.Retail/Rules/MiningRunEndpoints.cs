using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Rules;

public static class MiningRunEndpoints
{
    public sealed record RunAccepted(string TaskId, string Status, string Message, int RunId);

    public sealed record RunView(
        int RunId, string TaskId, string Status, int Progress, string? Message, double MinSupport, double MinConfidence, double MinLift,
        int MaxLength, DateOnly? DateFrom, DateOnly? DateTo, string? Channel, string? City, string? CustomerSegment,
        int Baskets, long Itemsets, int RulesFound, int Rules, double? Seconds, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
    {
        public static RunView Of(MiningRun run, Job? job) => new(
            run.RunId, run.JobId.ToString(), StatusOf(run, job), run.Status == MiningRunStatus.Succeeded ? 100 : job?.Progress ?? 0,
            run.Status == MiningRunStatus.Succeeded ? null : job?.Message,
            run.MinSupport, run.MinConfidence, run.MinLift, run.MaxLength, run.DateFrom, run.DateTo, run.Channel, run.City, run.CustomerSegment,
            run.Baskets, run.Itemsets, run.RulesFound, run.Rules, run.Seconds, run.Error ?? job?.LastError, run.CreatedAt, run.FinishedAt);

        // The job knows about waiting, retries and cancellation; the run row only about what finished.
        private static string StatusOf(MiningRun run, Job? job) =>
            run.Status == MiningRunStatus.Succeeded || job is null ? run.Status : job.Status switch
            {
                JobStatus.Queued => MiningRunStatus.Queued,
                JobStatus.Running => MiningRunStatus.Running,
                JobStatus.Cancelled => "cancelled",
                JobStatus.Failed => MiningRunStatus.Failed,
                _ => run.Status,
            };
    }

    public static async Task<IResult> StartAsync(StartMiningRun? request, RetailDbContext db, JobQueue queue, ModuleCatalog catalog, TimeProvider time,
        CancellationToken cancellationToken)
    {
        request ??= new StartMiningRun();
        var checks = new Checks();
        if (request.Check(checks, time.GetUtcNow()) is not { } run)
        {
            return Paging.Invalid(checks.Problems);
        }
        var job = await QueueAsync(db, queue, run, cancellationToken);
        var location = $"{catalog.Get(RetailModule.Name).PathBase.TrimEnd('/')}/api/rules/runs/{run.RunId}";
        return TypedResults.Accepted(location, new RunAccepted(job.Id.ToString(), job.Status, $"Mining run {run.RunId} is queued", run.RunId));
    }

    /// <summary>Numbers and stores <paramref name="run"/>, and queues the job that mines it.</summary>
    public static async Task<Job> QueueAsync(RetailDbContext db, JobQueue queue, MiningRun run, CancellationToken cancellationToken)
    {
        await Numbering.InsertAsync(db, run, db.MiningRuns.Select(r => r.RunId), 1, (r, id) => r.RunId = id, () => { }, cancellationToken);
        var job = await queue.EnqueueAsync(MiningJob.JobKind, new MiningJob.Payload(run.Id), cancellationToken: cancellationToken);
        run.JobId = job.Id;
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public static async Task<IResult> ListAsync([FromQuery] int? skip, [FromQuery] int? limit, RetailDbContext db, JobQueue queue,
        CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        Paging.Check(query, skip, limit);
        if (!query.Ok)
        {
            return Paging.Invalid(query.Problems);
        }
        var runs = await db.MiningRuns.AsNoTracking().OrderByDescending(r => r.RunId).Page(skip, limit)
            .Select(WithoutModel).ToListAsync(cancellationToken);
        var views = new List<RunView>(runs.Count);
        foreach (var run in runs)
        {
            views.Add(RunView.Of(run, run.Status == MiningRunStatus.Succeeded ? null : await queue.GetAsync(run.JobId, cancellationToken: cancellationToken)));
        }
        return TypedResults.Ok(views);
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "run_id")] int runId, RetailDbContext db, JobQueue queue, CancellationToken cancellationToken)
    {
        var run = await db.MiningRuns.AsNoTracking().Where(r => r.RunId == runId).Select(WithoutModel).FirstOrDefaultAsync(cancellationToken);
        return run is null
            ? NotFound()
            : TypedResults.Ok(RunView.Of(run, run.Status == MiningRunStatus.Succeeded ? null : await queue.GetAsync(run.JobId, cancellationToken: cancellationToken)));
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "run_id")] int runId, RetailDbContext db, JobQueue queue, CancellationToken cancellationToken)
    {
        var run = await db.MiningRuns.FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken);
        if (run is null)
        {
            return NotFound();
        }
        var job = run.Status == MiningRunStatus.Succeeded ? null : await queue.GetAsync(run.JobId, cancellationToken: cancellationToken);
        if (job is { Status: JobStatus.Queued or JobStatus.Running })
        {
            return TypedResults.Conflict(new Detail($"Mining run {runId} is still {job.Status}; cancel its task first"));
        }
        var view = RunView.Of(run, job);
        await db.MinedRules.Where(r => r.MiningRunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        db.MiningRuns.Remove(run);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    internal static IResult NotFound() => TypedResults.NotFound(new Detail("Mining run not found"));

    // The stored bundle model can be megabytes; listings never need it.
    private static readonly System.Linq.Expressions.Expression<Func<MiningRun, MiningRun>> WithoutModel = r => new MiningRun
    {
        Id = r.Id, OrganizationId = r.OrganizationId, RunId = r.RunId, JobId = r.JobId, Status = r.Status, MinSupport = r.MinSupport,
        MinConfidence = r.MinConfidence, MinLift = r.MinLift, MaxLength = r.MaxLength, DateFrom = r.DateFrom, DateTo = r.DateTo,
        Channel = r.Channel, City = r.City, CustomerSegment = r.CustomerSegment, Baskets = r.Baskets, Itemsets = r.Itemsets,
        RulesFound = r.RulesFound, Rules = r.Rules, Seconds = r.Seconds, Error = r.Error, CreatedAt = r.CreatedAt, FinishedAt = r.FinishedAt,
    };
}
