using Clientele.Churn.Auth;
using Clientele.Churn.Customers;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Shared;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;
using System.Runtime.CompilerServices;

namespace Clientele.Churn.Predictions;

/// <summary>Seed 002's single and batch predictions. Every score is stored in the customer's risk history with its model version.</summary>
public static class PredictionEndpoints
{
    public const int MaxBatch = 100_000;

    public sealed record PredictRequest(int? CustomerId = null);

    public sealed record BatchRequest(IReadOnlyList<int>? CustomerIds = null);

    public sealed record PredictionView(int CustomerId, double RiskScore, DateTime PredictionTime, FeaturesView FeaturesUsed,
        string ModelVersion, string RiskBand, IReadOnlyList<FactorView> TopFactors);

    private sealed record CustomerAndVersion(ChurnCustomer Customer, string? ActiveVersion);

    // The customer and the active version in one round trip, compiled once per model: a prediction is the API's hottest call.
    // A compiled query is bound to the model it was first run with, and tests run SQLite and PostgreSQL in one process.
    private static readonly ConditionalWeakTable<IModel, Func<ChurnDbContext, int, CancellationToken, Task<CustomerAndVersion?>>> CustomerAndActiveVersion = [];

    private static Func<ChurnDbContext, int, CancellationToken, Task<CustomerAndVersion?>> CompileCustomerAndActiveVersion(IModel _) => EF.CompileAsyncQuery(
        (ChurnDbContext db, int id, CancellationToken cancellationToken) => db.Customers.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CustomerAndVersion(c, db.ModelVersions.Where(m => m.IsActive).Select(m => m.Version).FirstOrDefault()))
            .FirstOrDefault());

    public static void Map(RouteGroupBuilder churn)
    {
        var predict = churn.MapGroup("/api/predict").WithTags("Predictions").RequireAuthorization(ChurnPolicies.RiskAnalyst);
        predict.MapPost("/", PredictAsync).WithName("PredictChurn").Accepts<PredictRequest>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("Scores one customer with the active model, stores it in the risk history and answers with the score, the features and the top factors.");
        predict.MapPost("/batch/", BatchAsync).WithName("PredictChurnBatch").Accepts<BatchRequest>("application/json")
            .WithSummary($"Scores up to {MaxBatch} customers as a durable job; 202 with the task.");
        predict.MapGet("/batch/{task_id}/", BatchStatusAsync).WithName("ChurnBatchStatus").WithSummary("A batch task's status, progress and result.");
    }

    public static async Task<IResult> PredictAsync(HttpContext context, ChurnDbContext db, CustomerScoring scoring, ActiveModels models, IOptions<ChurnOptions> options)
    {
        var request = await RequestBody.ReadAsync<PredictRequest>(context);
        if (request.CustomerId is not { } id)
        {
            return ChurnResults.Invalid("customer_id", CustomerInput.Required);
        }
        var found = await CustomerAndActiveVersion.GetValue(db.Model, CompileCustomerAndActiveVersion)(db, id, context.RequestAborted);
        if (found is null)
        {
            return ChurnResults.NotFound();
        }
        var customer = found.Customer;
        if (found.ActiveVersion is null || await models.VersionAsync(db, found.ActiveVersion, context.RequestAborted) is not { } served)
        {
            return ChurnResults.BadRequest(ModelEndpoints.NoModel);
        }
        var entry = await scoring.PredictAsync(db, customer, RiskSources.Predict, served, context.RequestAborted);
        return TypedResults.Ok(new PredictionView(customer.Id, entry.Score, entry.Timestamp.UtcDateTime, FeaturesView.Of(CustomerScoring.FeaturesOf(customer)),
            entry.ModelVersion, options.Value.Bands.Of(entry.Score), RiskPoints.Factors(entry.FactorsJson)));
    }

    public static async Task<IResult> BatchAsync(HttpContext context, ChurnDbContext db, JobQueue queue, ActiveModels models)
    {
        var request = await RequestBody.ReadAsync<BatchRequest>(context);
        if (request.CustomerIds is not { } ids)
        {
            return ChurnResults.Invalid("customer_ids", CustomerInput.Required);
        }
        if (ids.Count == 0 || ids.Count > MaxBatch)
        {
            return ChurnResults.Invalid("customer_ids", $"Give between 1 and {MaxBatch} customer ids.");
        }
        var distinct = ids.Distinct().ToList();
        var known = new HashSet<int>();
        foreach (var chunk in distinct.Chunk(1000))
        {
            known.UnionWith(await db.Customers.Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(context.RequestAborted));
        }
        var unknown = distinct.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            return ChurnResults.Invalid([new FieldError(["body", "customer_ids"],
                $"{unknown.Count} unknown customer id(s): {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? ", …" : "")}")]);
        }
        if (await models.ActiveAsync(db, context.RequestAborted) is null)
        {
            return ChurnResults.BadRequest(ModelEndpoints.NoModel);
        }
        var job = await queue.EnqueueAsync(ScoringJob.JobKind, new ScoringJob.Payload(distinct, RiskSources.Batch), cancellationToken: context.RequestAborted);
        return ChurnTasks.Accepted(context, job, $"Scoring {distinct.Count} customer(s)");
    }

    public static Task<IResult> BatchStatusAsync([FromRoute(Name = "task_id")] string taskId, JobQueue queue, CancellationToken cancellationToken) =>
        ChurnTasks.StatusAsync(queue, taskId, ScoringJob.JobKind, cancellationToken);
}
