using Clientele.Platform.Jobs;
using Clientele.Retail.Data;
using Clientele.Retail.Segmentation;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Segments;

/// <summary>
/// RFM features of every customer from the transactions, k-means segments, each customer's <c>customer_segment</c> set to
/// its segment's label (customers without purchases to <see cref="NoPurchases"/>) and the profiles stored, in one
/// transaction that replaces the previous segmentation.
/// </summary>
public sealed class SegmentationJob(RetailDbContext db, TimeProvider time) : IJobHandler
{
    public const string JobKind = "retail.segmentation";
    public const string NoPurchases = "No purchases";
    private const int UpdateBatch = 500;

    public sealed record Payload(int? Clusters, DateOnly? ReferenceDate);

    public sealed record Result(int Customers, int Clusters, double Silhouette, DateOnly ReferenceDate, IReadOnlyList<string> Segments);

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        await context.ReportAsync(0, "Reading purchases", cancellationToken);
        var purchases = await (
            from bought in db.Transactions.AsNoTracking()
            join day in db.Timeframe.AsNoTracking() on bought.TimeId equals day.TimeId
            select new Purchase(bought.CustomerId, day.Date, bought.Amount)).ToListAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().Select(c => (long)c.CustomerId).ToListAsync(cancellationToken);
        var reference = payload.ReferenceDate ?? (purchases.Count == 0 ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) : purchases.Max(p => p.Date).AddDays(1));
        await context.ReportAsync(20, $"Segmenting {customers.Count} customers", cancellationToken);
        var segmentation = CustomerSegmenter.Segment(purchases, reference, customers, new SegmentationOptions { Clusters = payload.Clusters });
        await context.ReportAsync(60, "Writing segments", cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var labels = segmentation.Customers.GroupBy(c => c.Label, c => (int)c.CustomerId).Select(g => (Label: g.Key, Ids: g.ToList()))
            .Append((Label: NoPurchases, Ids: segmentation.WithoutPurchases.Select(id => (int)id).ToList()));
        foreach (var (label, ids) in labels)
        {
            foreach (var batch in ids.Chunk(UpdateBatch))
            {
                await db.Customers.Where(c => batch.Contains(c.CustomerId))
                    .ExecuteUpdateAsync(set => set.SetProperty(c => c.CustomerSegment, label), cancellationToken);
            }
        }
        await db.SegmentProfiles.ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.SegmentProfiles.AddRange(segmentation.Segments.Select(s => new CustomerSegmentProfile
        {
            Segment = s.Segment,
            Label = s.Label,
            Customers = s.Customers,
            MeanRecencyDays = s.MeanRecencyDays,
            MedianRecencyDays = s.MedianRecencyDays,
            MeanFrequency = s.MeanFrequency,
            MedianFrequency = s.MedianFrequency,
            MeanMonetary = Math.Round(s.MeanMonetary, 2),
            MedianMonetary = Math.Round(s.MedianMonetary, 2),
            Revenue = Math.Round(s.Revenue, 2),
            RevenueShare = s.RevenueShare,
            RecencyScore = s.RecencyScore,
            ValueScore = s.ValueScore,
            Clusters = segmentation.Clusters,
            Silhouette = segmentation.Silhouette,
            ReferenceDate = reference,
            ComputedAt = now,
        }));
        var result = new Result(customers.Count, segmentation.Clusters, segmentation.Silhouette, reference, [.. segmentation.Segments.Select(s => s.Label)]);
        db.Publish(SegmentEndpoints.Completed, new { segmentation = result });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
