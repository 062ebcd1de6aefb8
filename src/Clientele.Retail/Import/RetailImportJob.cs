using System.Text.Json;
using Clientele.Platform.Events;
using Clientele.Platform.Jobs;
using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Import;

/// <summary>
/// <c>retail.import</c>: imports the files an upload stored. The outcome (imported, or rejected with its problems) is the job's
/// result either way; a rejected import is a finished job that stored nothing, not a failure to retry. A retry after the
/// import was written finds its stored outcome and returns it instead of importing again.
/// </summary>
public sealed class RetailImportJob(RetailDbContext db, RetailImporter importer) : IJobHandler
{
    public const string JobKind = "retail.import";

    public string Kind => JobKind;

    public sealed record Payload(Guid ImportId);

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var importId = context.Payload<Payload>().ImportId;
        var import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, cancellationToken)
            ?? throw new InvalidOperationException($"Import {importId} is not stored.");
        if (import.Status != RetailImport.Pending)
        {
            return JsonSerializer.Deserialize<JsonElement>(import.Outcome ?? "{}");
        }
        var files = await db.ImportFiles.AsNoTracking().Where(f => f.ImportId == importId).OrderBy(f => f.Id)
            .Select(f => new RetailCsvFile(f.Name, f.Content)).ToListAsync(cancellationToken);
        var outcome = await importer.ImportAsync(files, import.Mode, (percent, message) => context.ReportAsync(percent, message, cancellationToken),
            cancellationToken, import);
        await context.ReportAsync(100, outcome.Imported is { } counts
            ? $"Imported {RetailImporter.Describe(counts)}"
            : $"Nothing imported: {outcome.ProblemCount} problem(s)", cancellationToken);
        return JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(outcome, EventJson.Options));
    }
}
