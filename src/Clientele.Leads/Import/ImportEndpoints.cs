using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using System.Text.Json;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Import;

/// <summary>
/// <c>POST /api/leads/import</c>: a CSV of leads (multipart field <c>file</c>, or a <c>text/csv</c> body), all or nothing;
/// <c>?dry_run=true</c> answers the same report and stores nothing, <c>?skip_duplicates=true</c> imports the other lines.
/// </summary>
public static class ImportEndpoints
{
    public const long MaxBytes = 2L << 20;

    public static void Map(RouteGroupBuilder leads)
    {
        leads.MapPost("/api/leads/import", ImportAsync).WithTags("Leads").WithName("ImportLeads")
            .WithSummary("Imports leads from CSV, all or nothing, as a durable job (202 with task_id): a bad line or a duplicate (of a stored open lead or an earlier line) refuses the file at once with 422 per line. ?dry_run=true answers the report at once and stores nothing; ?skip_duplicates=true leaves duplicates out.")
            .WithUploadLimits(MaxBytes, 1)
            .RequireWriteAccess(LeadsModule.Name);
        leads.MapGet("/api/leads/import/{task_id}", StatusAsync).WithTags("Leads").WithName("LeadImportStatus")
            .WithSummary("An import job: status, progress, message, and when it has succeeded its report in result.");
    }

    public sealed record Report(bool DryRun, int Lines, int Valid, int Created, IReadOnlyList<ImportDuplicate> Duplicates, IReadOnlyList<Guid> LeadIds);

    public sealed record TaskStatusView(string TaskId, string Status, int Progress, string? Message, DateTime? CompletedAt, JsonElement? Result);

    public static async Task<IResult> StatusAsync([FromRoute(Name = "task_id")] string taskId, JobQueue queue, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(taskId, out var id))
        {
            return Refusals.NotAnId("task_id");
        }
        if (await queue.GetAsync(id, [LeadsModule.Name], cancellationToken) is not { Kind: ImportJob.JobKind } job)
        {
            return Refusals.NotFound("Import");
        }
        var message = job.Status == JobStatus.Failed ? job.LastError ?? job.Message : job.Message;
        return TypedResults.Ok(new TaskStatusView(job.Id.ToString(), job.Status, job.Progress, message, job.FinishedAt?.UtcDateTime, JobJson.Element(job.Result)));
    }

    public static async Task<IResult> ImportAsync(HttpContext context, LeadsDbContext db, JobQueue queue, IOptionsMonitor<LeadsOptions> options, TimeProvider time)
    {
        var request = context.Request;
        var query = new Checks("query");
        var dryRun = Flag(query, request, "dry_run");
        var skipDuplicates = Flag(query, request, "skip_duplicates");
        if (!query.Ok)
        {
            return query.Invalid();
        }
        byte[] bytes;
        if (request.HasFormContentType)
        {
            var (form, error) = await request.ReadUploadAsync(1, context.RequestAborted);
            if (form is null)
            {
                return FastApiErrorShape.Instance.Result(error!);
            }
            if (form.Files.GetFile("file") is not { } file || form.Files.Count != 1)
            {
                return Invalid(["body", "file"], "Send one CSV file in the form field 'file'.", "missing");
            }
            await using var stream = file.OpenReadStream();
            bytes = await ReadAllAsync(stream, context.RequestAborted);
        }
        else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            bytes = await ReadAllAsync(request.Body, context.RequestAborted);
        }
        else
        {
            return Invalid(["body"], "Send the CSV as multipart/form-data (curl -F file=@leads.csv …) or with Content-Type: text/csv.", "content_type");
        }
        var (text, problem) = LeadImport.Decode(bytes);
        if (text is null)
        {
            return Invalid(["body", "file"], problem!, "value_error");
        }
        var windowDays = options.CurrentValue.DuplicateWindowDays;
        if (!dryRun)
        {
            var (check, job) = await ImportJob.StartAsync(db, queue, text, skipDuplicates, windowDays, Instants.Now(time), context.RequestAborted);
            if (job is null)
            {
                return FastApiErrorShape.Instance.Result(ApiError.Invalid(check.Problems));
            }
            var location = $"{context.Request.PathBase}{context.Request.Path.Value!.TrimEnd('/')}/{job.Id}";
            return TypedResults.Accepted(location, new TaskAccepted(job.Id.ToString(), job.Status, $"Importing {check.Valid} lead(s)"));
        }
        var report = await LeadImport.RunAsync(db, text, new LeadImport.Options(true, skipDuplicates), windowDays, Instants.Now(time), context.RequestAborted);
        return report.Refused
            ? FastApiErrorShape.Instance.Result(ApiError.Invalid(report.Problems))
            : TypedResults.Ok(new Report(report.DryRun, report.Lines, report.Valid, report.Created, report.Duplicates, report.LeadIds));
    }

    private static IResult Invalid(object[] location, string message, string type) =>
        FastApiErrorShape.Instance.Result(ApiError.Invalid(new FieldError(location, message, type)));

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>pydantic's lax booleans; absent is false.</summary>
    private static bool Flag(Checks query, HttpRequest request, string name)
    {
        switch (request.Query[name].ToString().Trim().ToLowerInvariant())
        {
            case "" or "false" or "0" or "no" or "off" or "f" or "n":
                return false;
            case "true" or "1" or "yes" or "on" or "t" or "y":
                return true;
            default:
                query.Add(name, "Input should be a valid boolean, unable to interpret input", "bool_parsing");
                return false;
        }
    }
}
