using System.Diagnostics;
using Clientele.Platform.Jobs;
using Clientele.Retail.Bundles;
using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Retail.Rules;

/// <summary>
/// Mines a run's baskets into rules and trains the bundle recommender on the same baskets. A retry starts the run over:
/// the rules of an earlier attempt are deleted first, so a run never holds a rule twice.
/// </summary>
public sealed class MiningJob(RetailDbContext db, IOptions<RetailOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobKind = "retail.mining";
    private const int SaveBatch = 2000;

    public sealed record Payload(long MiningRunId);

    public sealed record Result(int RunId, int Baskets, long Itemsets, int RulesFound, int Rules, double Seconds);

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        var run = await db.MiningRuns.SingleAsync(r => r.Id == payload.MiningRunId, cancellationToken);
        run.Status = MiningRunStatus.Running;
        run.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        await db.MinedRules.Where(r => r.MiningRunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        try
        {
            return await MineAsync(context, run, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = await db.MiningRuns.SingleAsync(r => r.Id == run.Id, CancellationToken.None);
            failed.Status = MiningRunStatus.Failed;
            failed.Error = e.Message;
            db.Publish(RuleEvents.RunFailed, new { mining_run = new { run_id = failed.RunId, error = e.Message } });
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<Result> MineAsync(JobContext context, MiningRun run, CancellationToken cancellationToken)
    {
        await context.ReportAsync(0, "Reading baskets", cancellationToken);
        var baskets = await BasketScope.Of(run).ReadBasketsAsync(db, cancellationToken);
        await context.ReportAsync(10, $"Mining {baskets.Count} baskets", cancellationToken);
        var clock = Stopwatch.StartNew();
        var mined = RuleMiner.Mine(baskets, RuleMiner.Settings.Of(run));
        var seconds = clock.Elapsed.TotalSeconds;
        var kept = mined.Rules.Count <= options.Value.MaxRulesPerRun
            ? mined.Rules
            : mined.Rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).Take(options.Value.MaxRulesPerRun).ToList();
        for (var start = 0; start < kept.Count; start += SaveBatch)
        {
            db.MinedRules.AddRange(kept.Skip(start).Take(SaveBatch).Select(rule => RuleRows.Of(run.Id, rule)));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await context.ProgressAsync(10 + (long)(80.0 * Math.Min(start + SaveBatch, kept.Count) / kept.Count), 100,
                $"Stored {Math.Min(start + SaveBatch, kept.Count)} of {kept.Count} rules", cancellationToken);
        }
        await context.ReportAsync(90, "Training the bundle recommender", cancellationToken);
        var (model, skus) = baskets.Count == 0 ? (null, null) : TrainedBundles.Train(baskets, mined.Rules);
        var stored = await db.MiningRuns.SingleAsync(r => r.Id == run.Id, cancellationToken);
        stored.Status = MiningRunStatus.Succeeded;
        stored.Baskets = baskets.Count;
        stored.Itemsets = mined.Itemsets;
        stored.RulesFound = mined.Rules.Count;
        stored.Rules = kept.Count;
        stored.Seconds = Math.Round(seconds, 3);
        stored.FinishedAt = time.GetUtcNow();
        stored.BundleModel = model;
        stored.BundleSkus = skus;
        var result = new Result(stored.RunId, stored.Baskets, stored.Itemsets, stored.RulesFound, stored.Rules, stored.Seconds.Value);
        db.Publish(RuleEvents.RunSucceeded, new { mining_run = result });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
