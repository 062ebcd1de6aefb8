using Clientele.Banking.Data.Import;
using Clientele.Banking.Population;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Api;

public static class ImportEndpoints
{
    public const long MaxUploadBytes = 512L << 20;
    public const int MaxFormFiles = 1024;

    public static void Map(RouteGroupBuilder banking)
    {
        banking.MapPost("/api/import", ImportAsync)
            .WithName("ImportBankCase")
            .WithTags("Import")
            .WithSummary("Imports clients.csv and client_N_transactions/transfers CSV files (or a .zip of them), all or nothing.")
            .WithUploadLimits(MaxUploadBytes, MaxFormFiles)
            .RequireWriteAccess(BankingModule.Name);
    }

    /// <summary>
    /// The form's files stay where ASP.NET Core buffers them (a temporary file past 64 KiB) and are read as streams, archives
    /// entry by entry, straight into the streaming import; nothing is copied into memory whole.
    /// </summary>
    public static async Task<Results<Ok<ImportSummary>, JsonHttpResult<object>>> ImportAsync(
        HttpRequest request, BankCaseImporter importer, PopulationStatsStore stats, IOptions<BankingOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Fail(new FieldError(["body"], "Send the files as multipart/form-data (curl -F file=@clients.csv …).", "missing"));
        }
        var limits = options.Value.Import;
        var (form, formError) = await request.ReadUploadAsync(MaxFormFiles, cancellationToken);
        if (form is null)
        {
            return FastApiErrorShape.Instance.Result(formError!);
        }
        using var files = new BankCaseFiles(limits);
        foreach (var upload in form.Files)
        {
            if (!upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                files.Add(new BankCaseFile(upload.FileName, upload.OpenReadStream));
            }
            else if (files.AddZip(upload.FileName, upload.OpenReadStream()) is { } problem)
            {
                return Fail(new FieldError(["file", upload.FileName], problem, "import_error"));
            }
        }
        if (files.Files.Count > limits.MaxFiles)
        {
            return Fail(new FieldError(["body", "files"], $"At most {limits.MaxFiles} files in one upload.", "too_long"));
        }
        var outcome = await importer.ImportAsync(files.Files, cancellationToken);
        if (outcome.Imported is { } imported)
        {
            await stats.AfterImportAsync(CancellationToken.None);
            return TypedResults.Ok(imported);
        }
        return Fail(outcome.Problems.Take(200).Select(p => new FieldError(p.WholeFile ? ["file", p.File] : ["file", p.File, p.Line], p.Message, "import_error")).ToArray());
    }

    private static JsonHttpResult<object> Fail(params FieldError[] errors) => FastApiErrorShape.Instance.Result(ApiError.Invalid(errors));
}
