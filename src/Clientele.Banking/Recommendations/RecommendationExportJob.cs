using Clientele.Banking.Population;
using Clientele.Platform.Data;
using Clientele.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Recommendations;

/// <summary>
/// <c>banking.recommendations-export</c>: pass 1 brings the stored population statistics up to date (nothing to do when they are), pass 2 ranks every client and writes its
/// pushes to a CSV file named by the job id, page by page. The file is written beside its final name and moved into place at
/// the end, so a retry (or a worker that died mid-way) starts over and never leaves a half file to download.
/// </summary>
public sealed class RecommendationExportJob(RecommendationService service, PopulationStatsStore stats, RecommendationExports exports) : IJobHandler
{
    public const string JobKind = "banking.recommendations-export";

    public string Kind => JobKind;

    public sealed record Payload(int Top = 1);

    public sealed record ExportResult(int Clients, int Rows, string File);

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var top = Math.Clamp(context.Payload<Payload>().Top, 1, Offers.Products.All.Count);
        var total = Math.Max(await service.CountClientsAsync(cancellationToken), 1);
        await context.ReportAsync(0, $"Pass 1 of 2: statistics, 0 of {total} clients", cancellationToken);
        await stats.EnsureCurrentAsync(force: false, (done, all) =>
            context.ReportAsync((int)(done * 50L / Math.Max(all, 1)), $"Pass 1 of 2: statistics, {done} of {all} clients", cancellationToken), cancellationToken);
        var population = await service.PopulationAsync(cancellationToken);

        var file = exports.PathOf(context.OrganizationId, context.JobId);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".part";
        int clients = 0, rows = 0;
        await using (var writer = new StreamWriter(partial, append: false, RecommendationCsv.Utf8, bufferSize: 1 << 16))
        {
            await RecommendationCsv.WriteHeaderAsync(writer);
            await foreach (var page in service.RecommendAllAsync(population, top, cancellationToken))
            {
                foreach (var row in page)
                {
                    await RecommendationCsv.WriteRowAsync(writer, row);
                }
                rows += page.Count;
                clients += page.Select(r => r.ClientCode).Distinct().Count();
                await context.ReportAsync(50 + (int)(clients * 50L / total), $"Pass 2 of 2: recommendations, {clients} of {total} clients", cancellationToken);
            }
        }
        File.Move(partial, file, overwrite: true);
        await context.ReportAsync(100, $"{clients} clients, {rows} rows", cancellationToken);
        return new ExportResult(clients, rows, Path.GetFileName(file));
    }
}

/// <summary>Where export files live: <c>{ExportFolder}/{organization}/{job}.csv</c>, under the data folder when relative.</summary>
public sealed class RecommendationExports(IOptions<RecommendationOptions> options, DataFolder data)
{
    public string Folder => data.Combine(options.Value.ExportFolder);

    public string PathOf(Guid organizationId, Guid jobId) => Path.Combine(Folder, organizationId.ToString("N"), $"{jobId:N}.csv");
}
