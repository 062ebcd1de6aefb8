using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Retail.Import;

/// <summary>
/// <c>POST /api/import/</c>: CSV files (or .zip archives of them) as multipart/form-data. The files are stored with the
/// import and a durable job (<c>retail.import</c>) does the rest; the answer is 202 with the job to poll.
/// </summary>
public static class ImportEndpoints
{
    public const long MaxUploadBytes = 256L << 20;

    public static void Map(RouteGroupBuilder retail)
    {
        retail.MapPost("/api/import/", ImportAsync).WithName("ImportRetail").WithTags("Import")
            .WithSummary("Imports products, customers, timeframe, transactions and sales CSV files (or a .zip), all or nothing, as a job; ?mode=append|replace.")
            .WithUploadLimits(MaxUploadBytes, RetailCsvFile.MaxFiles)
            .RequireWriteAccess(RetailModule.Name);
    }

    public static async Task<IResult> ImportAsync(HttpRequest request, RetailDbContext db, JobQueue queue, ModuleCatalog catalog, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var mode = request.Query["mode"].ToString() is { Length: > 0 } given ? given : RetailImporter.Append;
        if (!RetailImporter.Modes.Contains(mode))
        {
            return Fail(new FieldError(["query", "mode"], "Input should be 'append' or 'replace'", "literal_error"));
        }
        if (!request.HasFormContentType)
        {
            return Fail(new FieldError(["body"], "Send the files as multipart/form-data (curl -F files=@customers.csv …).", "missing"));
        }
        var (form, formError) = await request.ReadUploadAsync(RetailCsvFile.MaxFiles, cancellationToken);
        if (form is null)
        {
            return FastApiErrorShape.Instance.Result(formError!);
        }
        var files = new List<RetailCsvFile>();
        foreach (var upload in form.Files)
        {
            if (!Checks.Storable(upload.FileName) || upload.FileName.Length > 200)
            {
                return Fail(new FieldError(["file"], "File names must be valid Unicode text of at most 200 characters.", "import_error"));
            }
            var bytes = new byte[upload.Length];
            await using (var stream = upload.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }
            if (upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var (inside, problem) = RetailCsvFile.FromZip(bytes, RetailCsvFile.MaxFiles - files.Count, RetailCsvFile.MaxUnpackedBytes - files.Sum(f => (long)f.Content.Length));
                if (problem is not null)
                {
                    return Fail(new FieldError(["file", upload.FileName], problem, "import_error"));
                }
                files.AddRange(inside);
            }
            else if (upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(new RetailCsvFile(Path.GetFileName(upload.FileName), bytes));
            }
            else
            {
                return Fail(new FieldError(["file", upload.FileName], "Only .csv files and .zip archives of them can be imported.", "import_error"));
            }
        }
        if (files.Count == 0)
        {
            return Fail(new FieldError(["body", "files"], "No files: send products, customers, timeframe, transactions and/or sales CSV files.", "missing"));
        }
        if (files.Count > RetailCsvFile.MaxFiles)
        {
            return Fail(new FieldError(["body", "files"], $"At most {RetailCsvFile.MaxFiles} files in one upload.", "too_long"));
        }

        var import = new RetailImport { Mode = mode, CreatedAt = time.GetUtcNow() };
        db.Imports.Add(import);
        db.ImportFiles.AddRange(files.Select(f => new RetailImportFile { ImportId = import.Id, Name = f.Name, Content = f.Content }));
        await db.SaveChangesAsync(cancellationToken);
        var job = await queue.EnqueueAsync(RetailImportJob.JobKind, new RetailImportJob.Payload(import.Id), cancellationToken: cancellationToken);
        return TaskAccepted.For(job, $"Importing {files.Count} file(s) ({mode})", catalog);
    }

    private static IResult Fail(params FieldError[] errors) => Paging.Invalid(errors);
}
