using System.Text.Json.Serialization;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Rules;

/// <summary>
/// Association rules, which the seed promises and does not show: mining runs as durable jobs over a period, channel, city or
/// customer segment; a run's rules filtered and sorted; the latest run's rules containing a product; CSV export.
/// </summary>
public static class RuleEndpoints
{
    public static void Map(RouteGroupBuilder retail)
    {
        var rules = retail.MapGroup("/api/rules").WithTags("Rules");
        rules.MapPost("/runs", MiningRunEndpoints.StartAsync).WithName("StartMiningRun")
            .WithSummary("Queues a mining run (a job) over the baskets in scope; 202 with task_id and run_id, Location the run.")
            .RequireWriteAccess(RetailModule.Name);
        rules.MapGet("/runs", MiningRunEndpoints.ListAsync).WithName("ListMiningRuns").WithSummary("Mining runs, newest first; skip and limit page.");
        rules.MapGet("/runs/{run_id}", MiningRunEndpoints.GetAsync).WithName("GetMiningRun").WithSummary("One run: parameters, status, counts.");
        rules.MapDelete("/runs/{run_id}", MiningRunEndpoints.DeleteAsync).WithName("DeleteMiningRun")
            .WithSummary("Deletes a finished run and its rules; answers with the deleted run.").RequireWriteAccess(RetailModule.Name);
        rules.MapGet("/runs/{run_id}/rules", ListOfRunAsync).WithName("ListRunRules")
            .WithSummary("A run's rules: filters min_support, min_confidence, min_lift, min_leverage, product_sku (and side); sort by lift, confidence, support or leverage.");
        rules.MapGet("/runs/{run_id}/rules.csv", CsvOfRunAsync).WithName("RunRulesCsv")
            .WithSummary("A run's rules (same filters) as CSV: antecedents,consequents,support,confidence,lift,leverage,conviction; itemsets as JSON arrays of product names.");
        rules.MapGet("/", ListLatestAsync).WithName("ListRules")
            .WithSummary("The rules of the latest succeeded run, with the same filters and sorting; product_sku gives the rules containing a product.");
    }

    public static async Task<IResult> ListOfRunAsync([FromRoute(Name = "run_id")] int runId, [AsParameters] RuleQuery query, RetailDbContext db,
        CancellationToken cancellationToken)
    {
        var run = await db.MiningRuns.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken);
        return run is null ? MiningRunEndpoints.NotFound() : await ListAsync(run, query, db, cancellationToken);
    }

    public static async Task<IResult> ListLatestAsync([AsParameters] RuleQuery query, RetailDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.MiningRuns.AsNoTracking().Where(r => r.Status == MiningRunStatus.Succeeded)
            .OrderByDescending(r => r.RunId).FirstOrDefaultAsync(cancellationToken);
        return run is null
            ? TypedResults.NotFound(new Detail("No mining run has succeeded yet; start one with POST /api/rules/runs"))
            : await ListAsync(run, query, db, cancellationToken);
    }

    public static async Task<IResult> CsvOfRunAsync([FromRoute(Name = "run_id")] int runId, [AsParameters] RuleQuery query, RetailDbContext db,
        HttpContext http, CancellationToken cancellationToken)
    {
        var run = await db.MiningRuns.AsNoTracking().FirstOrDefaultAsync(r => r.RunId == runId, cancellationToken);
        if (run is null)
        {
            return MiningRunEndpoints.NotFound();
        }
        if (query.Problems(paged: false) is { Count: > 0 } problems)
        {
            return Paging.Invalid(problems);
        }
        var names = await ProductNames.ReadAsync(db, cancellationToken);
        http.Response.ContentType = RuleCsv.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"rules-run-{run.RunId}.csv\"";
        await RuleCsv.WriteAsync(http.Response.Body, query.Apply(db.MinedRules.AsNoTracking().Where(r => r.MiningRunId == run.Id)).AsAsyncEnumerable(),
            names, cancellationToken);
        return TypedResults.Empty;
    }

    private static async Task<IResult> ListAsync(MiningRun run, RuleQuery query, RetailDbContext db, CancellationToken cancellationToken)
    {
        if (query.Problems(paged: true) is { Count: > 0 } problems)
        {
            return Paging.Invalid(problems);
        }
        var rows = await query.Apply(db.MinedRules.AsNoTracking().Where(r => r.MiningRunId == run.Id)).Page(query.Skip, query.Limit)
            .ToListAsync(cancellationToken);
        var names = await ProductNames.ReadAsync(db, cancellationToken);
        return TypedResults.Ok(rows.Select(r => RuleView.Of(r, run.RunId, names)).ToList());
    }
}

public sealed record ItemView(int ProductSku, string? ProductName);

public sealed record RuleView(
    long RuleId, int RunId, IReadOnlyList<ItemView> Antecedents, IReadOnlyList<ItemView> Consequents,
    double Support, double Confidence, double Lift, double Leverage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Conviction)
{
    public static RuleView Of(MinedRule rule, int runId, IReadOnlyDictionary<int, string> names) => new(
        rule.Id, runId, Items(rule.Antecedents, names), Items(rule.Consequents, names),
        rule.Support, rule.Confidence, rule.Lift, rule.Leverage, rule.Conviction);

    private static List<ItemView> Items(string skus, IReadOnlyDictionary<int, string> names) =>
        [.. RuleRows.Split(skus).Select(sku => new ItemView(sku, names.GetValueOrDefault(sku)))];
}
