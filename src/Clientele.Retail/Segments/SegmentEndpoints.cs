using System.Text.Json.Serialization;
using Clientele.Platform.Jobs;
using Clientele.Platform.Json;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Segments;

/// <summary>Customer segments (Clustr is named for clusters): RFM features and k-means as a job; the latest profiles.</summary>
public static class SegmentEndpoints
{
    public const string Completed = "retail.segmentation.completed";
    public const int MaxClusters = 10;

    public sealed record SegmentRequest(int? Clusters = null, DateOnly? ReferenceDate = null);

    public sealed record ProfileView(
        int Segment, string Label, int Customers, double MeanRecencyDays, double MedianRecencyDays, double MeanFrequency, double MedianFrequency,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal MeanMonetary,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal MedianMonetary,
        [property: JsonConverter(typeof(FloatLikeDecimalConverter))] decimal Revenue,
        double RevenueShare, double RecencyScore, double ValueScore);

    public sealed record SegmentsView(DateTimeOffset ComputedAt, DateOnly ReferenceDate, int Clusters, double Silhouette, IReadOnlyList<ProfileView> Segments);

    public static void Map(RouteGroupBuilder retail)
    {
        var segments = retail.MapGroup("/api/segments").WithTags("Segments");
        segments.MapPost("/run", RunAsync).WithName("RunSegmentation")
            .WithSummary("Queues the segmentation job: RFM per customer, k-means (k given, or chosen by silhouette over 2..8), customer_segment written.")
            .RequireWriteAccess(RetailModule.Name);
        segments.MapGet("/", GetAsync).WithName("GetSegments").WithSummary("The latest segmentation's profiles, best segment first.");
    }

    public static async Task<IResult> RunAsync(SegmentRequest? request, JobQueue queue, ModuleCatalog catalog, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        if (request?.Clusters is < 2 or > MaxClusters)
        {
            checks.Add("clusters", $"Input should be between 2 and {MaxClusters}");
        }
        if (request?.ReferenceDate is { Year: < 1900 or > 2100 })
        {
            checks.Add("reference_date", "Input should be a date between 1900 and 2100");
        }
        if (!checks.Ok)
        {
            return Paging.Invalid(checks.Problems);
        }
        var job = await queue.EnqueueAsync(SegmentationJob.JobKind, new SegmentationJob.Payload(request?.Clusters, request?.ReferenceDate),
            cancellationToken: cancellationToken);
        return TaskAccepted.For(job, "Customers are being segmented", catalog);
    }

    public static async Task<IResult> GetAsync(RetailDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.SegmentProfiles.AsNoTracking().OrderBy(p => p.Segment).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return TypedResults.NotFound(new Detail("No segmentation yet: start one with POST /api/segments/run"));
        }
        var first = rows[0];
        return TypedResults.Ok(new SegmentsView(first.ComputedAt, first.ReferenceDate, first.Clusters, first.Silhouette, [.. rows.Select(p => new ProfileView(
            p.Segment, p.Label, p.Customers, p.MeanRecencyDays, p.MedianRecencyDays, p.MeanFrequency, p.MedianFrequency,
            p.MeanMonetary, p.MedianMonetary, p.Revenue, p.RevenueShare, p.RecencyScore, p.ValueScore))]));
    }
}
