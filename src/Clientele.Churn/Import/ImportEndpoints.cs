using System.Text;
using Clientele.Churn.Auth;
using Clientele.Churn.Shared;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Churn.Import;

/// <summary><c>POST /api/customers/import/</c>: a CSV file (multipart field <c>file</c>, or a <c>text/csv</c> body) imported by a durable job.</summary>
public static class ImportEndpoints
{
    public const long MaxBytes = 20L << 20;

    public static void Map(RouteGroupBuilder churn)
    {
        churn.MapPost("/api/customers/import/", ImportAsync).WithName("ImportChurnCustomers").WithTags("Customers")
            .WithSummary("Imports customers from CSV (the API's columns or Churn_Modelling's) as a job; ?update_existing=true|false (by e-mail), ?partial=false|true.")
            .WithUploadLimits(MaxBytes, 1)
            .RequireAuthorization(ChurnPolicies.RiskAnalyst);
        churn.MapGet("/api/customers/import/{task_id}/", StatusAsync).WithName("ChurnImportStatus").WithTags("Customers")
            .WithSummary("An import task's status, progress and result (created, updated, skipped, scored, bad lines).");
    }

    public static Task<IResult> StatusAsync([Microsoft.AspNetCore.Mvc.FromRoute(Name = "task_id")] string taskId, JobQueue queue, CancellationToken cancellationToken) =>
        ChurnTasks.StatusAsync(queue, taskId, ImportJob.JobKind, cancellationToken);

    public static async Task<IResult> ImportAsync(HttpContext context, JobQueue queue)
    {
        var request = context.Request;
        var updateExisting = Flag(request, "update_existing", true, out var updateProblem);
        var partial = Flag(request, "partial", false, out var partialProblem);
        if ((updateProblem ?? partialProblem) is { } problem)
        {
            return ChurnResults.Invalid([problem]);
        }
        byte[] bytes;
        if (request.HasFormContentType)
        {
            var (form, error) = await request.ReadUploadAsync(1, context.RequestAborted);
            if (form is null)
            {
                return Api.ChurnErrorShape.Instance.Result(error!);
            }
            if (form.Files.Count != 1)
            {
                return ChurnResults.Invalid("file", "Send one CSV file in the form field 'file'.");
            }
            await using var stream = form.Files[0].OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }
        else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }
        else
        {
            return ChurnResults.Invalid("file", "Send the CSV as multipart/form-data (curl -F file=@customers.csv …) or with Content-Type: text/csv.");
        }
        string csv;
        try
        {
            csv = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ChurnResults.Invalid("file", "The file is not UTF-8 text.");
        }
        if (csv.Contains('\0'))
        {
            return ChurnResults.Invalid("file", "The file contains NUL characters; it is not a CSV file.");
        }
        // Checked here as well, so a bad file is refused at once with its lines rather than by a failed job later.
        var (_, customers, problems) = ImportJob.Check(csv, DateTimeOffset.UtcNow);
        if (problems.Count > 0 && (!partial || customers.Count == 0))
        {
            return ChurnResults.Invalid(problems.Take(CustomerCsv.MaxReportedProblems)
                .Select(p => new FieldError(["file", $"line {p.Line}"], p.Error)).ToList());
        }
        var job = await queue.EnqueueAsync(ImportJob.JobKind, new ImportJob.Payload(csv, updateExisting, partial), maxAttempts: 2, context.RequestAborted);
        return ChurnTasks.Accepted(context, job, $"Importing {customers.Count} customer(s)");
    }

    private static bool Flag(HttpRequest request, string name, bool fallback, out FieldError? problem)
    {
        problem = null;
        var text = request.Query[name].ToString();
        switch (text.ToLowerInvariant())
        {
            case "": return fallback;
            case "true" or "1": return true;
            case "false" or "0": return false;
            default:
                problem = new FieldError(["query", name], "Must be a valid boolean.");
                return fallback;
        }
    }
}
