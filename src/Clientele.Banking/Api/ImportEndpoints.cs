using Clientele.Banking.Data.Import;
using Clientele.Banking.Population;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Banking.Api;

public static class ImportEndpoints
{
    public const long MaxUploadBytes = 512L << 20;
    public static readonly int MaxFiles = ZipLimits.Default.MaxFiles;
    public static readonly long MaxUnpackedBytes = ZipLimits.Default.MaxUnpackedBytes;

    public static void Map(RouteGroupBuilder banking)
    {
        banking.MapPost("/api/import", ImportAsync)
            .WithName("ImportBankCase")
            .WithTags("Import")
            .WithSummary("Imports clients.csv and client_N_transactions/transfers CSV files (or a .zip of them), all or nothing.")
            .WithUploadLimits(MaxUploadBytes, MaxFiles)
            .RequireWriteAccess(BankingModule.Name);
    }

    public static async Task<Results<Ok<ImportSummary>, JsonHttpResult<object>>> ImportAsync(HttpRequest request, BankCaseImporter importer, PopulationStatsStore stats, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Fail(new FieldError(["body"], "Send the files as multipart/form-data (curl -F file=@clients.csv …).", "missing"));
        }
        var (form, formError) = await request.ReadUploadAsync(MaxFiles, cancellationToken);
        if (form is null)
        {
            return FastApiErrorShape.Instance.Result(formError!);
        }
        var files = new List<BankCaseFile>();
        var unpacked = 0L;
        foreach (var upload in form.Files)
        {
            var bytes = new byte[upload.Length];
            await using (var stream = upload.OpenReadStream())
            {
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            }
            if (!upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(new BankCaseFile(upload.FileName, () => new MemoryStream(bytes)));
                continue;
            }
            // Every archive of the form shares one allowance of files and unpacked bytes.
            var (inside, problem) = BankCaseFile.FromZip(bytes, new ZipLimits(MaxFiles - files.Count, MaxUnpackedBytes - unpacked));
            if (problem is not null)
            {
                return Fail(new FieldError(["file", upload.FileName], problem, "import_error"));
            }
            files.AddRange(inside);
            unpacked += inside.Sum(f => f.Open().Length);
        }
        if (files.Count > MaxFiles)
        {
            return Fail(new FieldError(["body", "files"], $"At most {MaxFiles} files in one upload.", "too_long"));
        }
        var outcome = await importer.ImportAsync(files, cancellationToken);
        if (outcome.Imported is { } imported)
        {
            await stats.AfterImportAsync(CancellationToken.None);
            return TypedResults.Ok(imported);
        }
        return Fail(outcome.Problems.Take(200).Select(p => new FieldError(["file", p.File, p.Line], p.Message, "import_error")).ToArray());
    }

    private static JsonHttpResult<object> Fail(params FieldError[] errors) => FastApiErrorShape.Instance.Result(ApiError.Invalid(errors));
}
