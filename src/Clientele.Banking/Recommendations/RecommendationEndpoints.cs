using Clientele.Banking.Api;
using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Recommendations;

/// <summary>Seed 000's <c>POST /api/recommend</c> and the additive offers, CSV and export endpoints.</summary>
public static class RecommendationEndpoints
{
    public sealed record RecommendationRequest(int ClientCode);

    public sealed record RecommendationResponse(string Product, string PushNotification);

    public sealed record EvidenceView(string Signal, string Description, decimal? AmountKzt, int? Count, string? Category, string? Month);

    public sealed record OfferView(string Product, decimal BenefitKztPerMonth, bool Eligible, double Score, int Rank, IReadOnlyList<EvidenceView> Evidence);

    public sealed record FindingView(string Rule, string Severity, string Message);

    public sealed record ClientOffersView(int ClientCode, string Name, IReadOnlyList<OfferView> Offers, string PushNotification, IReadOnlyList<FindingView> PushFindings);

    public sealed record ExportRequest(int? Top = null);

    public static void Map(RouteGroupBuilder banking)
    {
        banking.MapPost("/api/recommend", RecommendAsync).WithName("Recommend").WithTags("Recommendations")
            .WithSummary("The best product for a client and the push notification that offers it.")
            .Produces(StatusCodes.Status422UnprocessableEntity, contentType: "application/json");
        banking.MapGet("/api/clients/{client_code}/offers", OffersAsync).WithName("GetClientOffers").WithTags("Recommendations")
            .WithSummary("All ten products for a client: benefit per month, eligibility, score, rank, evidence; the push and the checker's findings.")
            .Produces(StatusCodes.Status422UnprocessableEntity, contentType: "application/json");
        banking.MapGet("/api/recommendations.csv", CsvAsync).WithName("RecommendationsCsv").WithTags("Recommendations")
            .WithSummary("client_code,product,push_notification for every client (RFC 4180, UTF-8); ?top=4 gives four rows per client.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<Detail>(StatusCodes.Status409Conflict)
            .Produces(StatusCodes.Status422UnprocessableEntity, contentType: "application/json");
        banking.MapPost("/api/recommendations/export", ExportAsync).WithName("ExportRecommendations").WithTags("Recommendations")
            .WithSummary("Queues a job that writes the recommendations CSV for every client; optional body {\"top\": 4}.")
            .Produces<TaskAccepted>(StatusCodes.Status202Accepted)
            .Produces(StatusCodes.Status422UnprocessableEntity, contentType: "application/json")
            .RequireWriteAccess(BankingModule.Name);
        banking.MapGet("/api/recommendations/exports/{task_id}.csv", DownloadAsync).WithName("DownloadRecommendationsExport").WithTags("Recommendations")
            .WithSummary("The CSV file of a finished export job.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<Detail>(StatusCodes.Status404NotFound)
            .Produces<Detail>(StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Ok<RecommendationResponse>, NotFound<Detail>>> RecommendAsync(
        RecommendationRequest request, RecommendationService service, CancellationToken cancellationToken) =>
        await service.ForClientAsync(request.ClientCode, cancellationToken) is { } found
            ? TypedResults.Ok(new RecommendationResponse(found.Offers.Best.Product, found.PushNotification))
            : TypedResults.NotFound(new Detail("Client not found"));

    public static async Task<Results<Ok<ClientOffersView>, NotFound<Detail>>> OffersAsync(
        [FromRoute(Name = "client_code")] int clientCode, RecommendationService service, CancellationToken cancellationToken) =>
        await service.ForClientAsync(clientCode, cancellationToken) is { } found
            ? TypedResults.Ok(View(found))
            : TypedResults.NotFound(new Detail("Client not found"));

    public static ClientOffersView View(ClientRecommendation found) => new(
        found.Features.ClientCode,
        found.Features.Name,
        found.Offers.Offers.Select(o => new OfferView(o.Product, Math.Round(o.BenefitKztPerMonth, 2), o.Eligible, o.Score, o.Rank,
            o.Evidence.Select(e => new EvidenceView(e.Signal, e.Description, e.AmountKzt, e.Count, e.Category, e.Month?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))).ToList())).ToList(),
        found.PushNotification,
        found.PushFindings.Select(f => new FindingView(f.Rule, f.Severity == PushSeverity.Error ? "error" : "warning", f.Message)).ToList());

    /// <summary>
    /// Streams rows to the response as they are produced. Above <see cref="RecommendationOptions.DirectCsvMaxClients"/> it
    /// refuses (an HTTP request is the wrong place for an hour of work) and points to the export job.
    /// </summary>
    public static async Task<IResult> CsvAsync(int? top, RecommendationService service, IOptions<RecommendationOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        if (InvalidTop(top, "query") is { } invalid)
        {
            return invalid;
        }
        var clients = await service.CountClientsAsync(cancellationToken);
        if (clients > options.Value.DirectCsvMaxClients)
        {
            return TypedResults.Json(new Detail(
                $"{clients} clients are more than the {options.Value.DirectCsvMaxClients} this endpoint streams directly; " +
                "POST /api/recommendations/export starts a job, then GET /api/recommendations/exports/{task_id}.csv downloads its file"),
                statusCode: StatusCodes.Status409Conflict);
        }
        // Statistics first: a failure there still gets a proper error response, before any CSV byte is sent.
        var population = await service.PopulationAsync(cancellationToken);
        var count = top ?? 1;
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, RecommendationCsv.Utf8, bufferSize: 1 << 14, leaveOpen: true);
            await RecommendationCsv.WriteHeaderAsync(writer);
            await foreach (var page in service.RecommendAllAsync(population, count, http.RequestAborted))
            {
                foreach (var row in page)
                {
                    await RecommendationCsv.WriteRowAsync(writer, row);
                }
                await writer.FlushAsync(http.RequestAborted);
            }
        }, RecommendationCsv.ContentType, count == 1 ? "recommendations.csv" : $"recommendations-top{count}.csv");
    }

    public static async Task<IResult> ExportAsync(
        [FromBody] ExportRequest? request, JobQueue queue, ModuleCatalog catalog, CancellationToken cancellationToken)
    {
        if (InvalidTop(request?.Top, "body") is { } invalid)
        {
            return invalid;
        }
        var top = request?.Top ?? 1;
        var job = await queue.EnqueueAsync(RecommendationExportJob.JobKind, new RecommendationExportJob.Payload(top), cancellationToken: cancellationToken);
        return TaskAccepted.For(job, top == 1 ? "Recommendations are being exported for every client" : $"The top {top} recommendations are being exported for every client", catalog);
    }

    public static async Task<IResult> DownloadAsync(
        [FromRoute(Name = "task_id")] string taskId, JobQueue queue, RecommendationExports exports, CancellationToken cancellationToken)
    {
        var job = Guid.TryParse(taskId, out var id) ? await queue.GetAsync(id, [BankingModule.Name], cancellationToken) : null;
        if (job is null || job.Kind != RecommendationExportJob.JobKind)
        {
            return TypedResults.NotFound(new Detail("Export not found"));
        }
        if (job.Status != JobStatus.Succeeded)
        {
            return TypedResults.Json(new Detail($"Export is {job.Status}"), statusCode: StatusCodes.Status409Conflict);
        }
        var file = exports.PathOf(job.OrganizationId, job.Id);
        return File.Exists(file)
            ? TypedResults.PhysicalFile(file, RecommendationCsv.ContentType, $"recommendations-{job.Id:N}.csv")
            : TypedResults.NotFound(new Detail("Export file is gone"));
    }

    private static JsonHttpResult<object>? InvalidTop(int? top, string where) =>
        top is < 1 or > 10
            ? FastApiErrorShape.Instance.Result(ApiError.Invalid(new FieldError([where, "top"], $"Input should be between 1 and {Products.All.Count}", "value_error")))
            : null;
}
