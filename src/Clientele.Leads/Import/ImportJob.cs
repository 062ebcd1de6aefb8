using System.Security.Cryptography;
using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Clientele.Platform.Errors;
using Clientele.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Import;

/// <summary>
/// A checked CSV import run as a durable platform job (<c>leads.import</c>): the file is in the payload, checked again (the
/// leads may have changed since the request) and stored in one transaction, with progress. Each lead's id is derived from
/// the job and its line, so an attempt after a worker died once the import was committed finds its leads and reports them
/// instead of refusing them as duplicates of themselves.
/// </summary>
public sealed class ImportJob(LeadsDbContext db, IOptionsMonitor<LeadsOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobKind = "leads.import";
    public const int MaxAttempts = 3;

    public sealed record Payload(string Csv, bool SkipDuplicates);

    public sealed class Refused(string message) : Exception(message);

    public string Kind => JobKind;

    /// <summary>The file checked as a dry run; when it is not refused, the job that imports it.</summary>
    public static async Task<(ImportReport Check, Job? Job)> StartAsync(LeadsDbContext db, JobQueue queue, string text, bool skipDuplicates, int windowDays,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var check = await LeadImport.RunAsync(db, text, new LeadImport.Options(true, skipDuplicates), windowDays, now, cancellationToken);
        if (check.Refused)
        {
            return (check, null);
        }
        var job = await queue.EnqueueAsync(JobKind, new Payload(text, skipDuplicates), MaxAttempts, cancellationToken);
        return (check, job);
    }

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.Payload<Payload>();
        Guid IdOf(int line) => LineId(context.JobId, line);
        await context.ReportAsync(0, "Checking the file", cancellationToken);
        var report = await LeadImport.RunAsync(db, payload.Csv, new LeadImport.Options(false, payload.SkipDuplicates), options.CurrentValue.DuplicateWindowDays,
            Instants.Now(time), cancellationToken, new LeadImport.Storing(IdOf, (percent, message) => context.ReportAsync(percent, message, cancellationToken)));
        if (report.Refused)
        {
            throw new Refused($"Nothing was imported: {report.ProblemCount} problem(s). "
                + string.Join(" | ", report.Problems.Take(20).Select(Describe)));
        }
        return new ImportEndpoints.Report(false, report.Lines, report.Valid, report.Created, report.Duplicates, report.LeadIds);
    }

    private static string Describe(FieldError problem) =>
        (problem.Location.Count > 1 ? $"line {problem.Location[1]}: " : "") + problem.Message;

    /// <summary>A stable id for the lead of <paramref name="line"/> of the import job <paramref name="jobId"/>.</summary>
    public static Guid LineId(Guid jobId, int line)
    {
        Span<byte> input = stackalloc byte[20];
        jobId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], line);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
