using System.Globalization;
using System.Text;
using Clientele.Leads.Data;
using Clientele.Leads.Export;
using Clientele.Leads.Leads;
using Clientele.Leads.Phones;
using Clientele.Leads.Shared;
using Clientele.Platform.Errors;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Import;

/// <summary>A line not imported because its phone (or chat) is already a lead: an open one within the duplicate window, or an earlier line.</summary>
public sealed record ImportDuplicate(int Line, string? Phone, int? DuplicateOfLine, Guid? DuplicateOfLead, string Message);

/// <summary>
/// What an import did or, on a dry run, would do. <see cref="Problems"/> are bad lines (and duplicates when they are not
/// skipped); any problem refuses the whole file and nothing is stored.
/// </summary>
public sealed record ImportReport(
    bool DryRun, int Lines, int Valid, int Created, IReadOnlyList<ImportDuplicate> Duplicates, IReadOnlyList<FieldError> Problems,
    int ProblemCount, IReadOnlyList<Guid> LeadIds)
{
    public bool Refused => ProblemCount > 0;
}

/// <summary>
/// Leads from CSV, all or nothing: every line is checked as <c>POST /api/leads</c> checks a body (name, source, phone through
/// <see cref="PhoneNormalizer"/>, budget, notes, attribution to the organization's niche, campaign or ad, by id or by name),
/// then against the leads already stored (an open lead of the same phone or chat within the duplicate window) and the
/// earlier lines. One bad line refuses the file; duplicates refuse it too unless they are skipped. A dry run stores nothing.
/// </summary>
public static class LeadImport
{
    public const int MaxLines = 5000;
    public const int MaxReported = 100;

    public sealed record Options(bool DryRun, bool SkipDuplicates);

    /// <summary>How a job stores: each line's lead id, and progress (percent, message) between the steps.</summary>
    public sealed record Storing(Func<int, Guid> IdOf, Func<int, string, Task> Progress);

    private const int Page = 500;

    private static readonly string[] Known = ["name", "phone", "source", "platform_user_id", "budget", "notes", "niche_id", "niche", "campaign_id", "campaign", "ad_id"];
    private static readonly string[] ExportOnly = ["id", "phone_e164", "status", "quality_score", "created_at"];
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private sealed record Candidate(int Line, Lead Lead);

    /// <summary>The file as text, or why it is not a CSV file of text.</summary>
    public static (string? Text, string? Error) Decode(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return (null, "The file is not UTF-8 text; save it from the spreadsheet as «CSV UTF-8».");
        }
        return text.Contains('\0') ? (null, "The file contains NUL characters; it is not a CSV file.") : (text, null);
    }

    public static async Task<ImportReport> RunAsync(LeadsDbContext db, string text, Options options, int windowDays, DateTimeOffset now,
        CancellationToken cancellationToken, Storing? storing = null)
    {
        var problems = new List<FieldError>();
        var (candidates, lines) = await ReadAsync(db, text, problems, cancellationToken);
        if (storing is not null && candidates.Count > 0)
        {
            foreach (var candidate in candidates)
            {
                candidate.Lead.Id = storing.IdOf(candidate.Line);
            }
            var ids = candidates.Select(c => c.Lead.Id).ToList();
            var stored = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken);
            if (stored.Count > 0)
            {
                // An earlier attempt of this job committed the import and its worker died before it could say so.
                var order = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
                stored.Sort((a, b) => order[a].CompareTo(order[b]));
                return new ImportReport(false, lines, stored.Count, stored.Count, [], [], 0, stored);
            }
        }
        var duplicates = candidates.Count == 0 ? [] : await DuplicatesAsync(db, candidates, windowDays, now, cancellationToken);
        var fresh = candidates.Where(c => duplicates.All(d => d.Line != c.Line)).ToList();
        if (duplicates.Count > 0 && !options.SkipDuplicates)
        {
            problems.AddRange(duplicates.Select(d => new FieldError(["file", d.Line, "phone"], d.Message, "duplicate")));
        }
        if (problems.Count > 0)
        {
            var byLine = problems.OrderBy(p => p.Location.Count > 1 && p.Location[1] is int line ? line : 0).ToList();
            return Refuse(options, lines, fresh.Count, duplicates, byLine);
        }
        if (fresh.Count == 0)
        {
            return Refuse(options, lines, 0, duplicates, [new FieldError(["file"], "There is no lead to import: every line is a duplicate.", "duplicate")]);
        }
        if (!options.DryRun)
        {
            // Progress is written on its own connection: inside the transaction SQLite would lock it out, so it is said before.
            if (storing is not null)
            {
                await storing.Progress(50, $"Checked {lines} line(s); storing {fresh.Count} lead(s)");
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var page in fresh.Chunk(Page))
            {
                foreach (var candidate in page)
                {
                    candidate.Lead.CreatedAt = candidate.Lead.UpdatedAt = now;
                    db.Leads.Add(candidate.Lead);
                    LeadsEvents.Publish(db, LeadsEvents.LeadCreated, new { lead = LeadView.Of(candidate.Lead) });
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return new ImportReport(options.DryRun, lines, fresh.Count, options.DryRun ? 0 : fresh.Count, duplicates, [], 0,
            options.DryRun ? [] : fresh.Select(c => c.Lead.Id).ToList());
    }

    private static ImportReport Refuse(Options options, int lines, int valid, IReadOnlyList<ImportDuplicate> duplicates, List<FieldError> problems) =>
        new(options.DryRun, lines, valid, 0, duplicates, problems.Take(MaxReported).ToList(), problems.Count, []);

    private static async Task<(List<Candidate> Candidates, int Lines)> ReadAsync(LeadsDbContext db, string text, List<FieldError> problems, CancellationToken cancellationToken)
    {
        var badQuoting = false;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = _ => badQuoting = true,
        };
        using var csv = new CsvReader(new StringReader(text), configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } written || written.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new FieldError(["file"], "The file is empty: it needs a header line (name, phone, source, …) and a line per lead.", "missing"));
            return ([], 0);
        }
        var header = written.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (HeaderProblem(header) is { } headerProblem)
        {
            problems.Add(new FieldError(["file", 1], headerProblem, "header"));
            return ([], 0);
        }
        var places = await Places.LoadAsync(db, cancellationToken);
        var candidates = new List<Candidate>();
        var previous = csv.Parser.RawRow;
        var lines = 0;
        while (csv.Read())
        {
            lines++;
            var line = previous + 1;
            previous = csv.Parser.RawRow;
            if (lines > MaxLines)
            {
                problems.Add(new FieldError(["file", line], $"At most {MaxLines} leads in one file; split it.", "too_long"));
                break;
            }
            if (csv.Parser.Count != header.Length)
            {
                problems.Add(new FieldError(["file", line], $"The line has {csv.Parser.Count} fields; the header has {header.Length}.", "csv"));
                continue;
            }
            // CsvHelper reads a field's quotes when the field is first asked for, and only then reports bad data.
            badQuoting = false;
            var cells = header.Select((column, index) => (column, value: csv.Parser[index])).ToDictionary(c => c.column, c => c.value);
            if (badQuoting)
            {
                problems.Add(new FieldError(["file", line], "Malformed quoting: a field with a quote must be quoted whole, with \"\" for a quote inside (RFC 4180).", "csv"));
                continue;
            }
            if (Check(cells, places, line, problems) is { } lead)
            {
                candidates.Add(new Candidate(line, lead));
            }
        }
        if (candidates.Count == 0 && problems.Count == 0)
        {
            problems.Add(new FieldError(["file"], "The file has a header but no lead lines.", "missing"));
        }
        return (candidates, lines);
    }

    private static string? HeaderProblem(string[] header)
    {
        var unknown = header.Where(h => !Known.Contains(h) && !ExportOnly.Contains(h)).ToList();
        var twice = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return !header.Contains("name") ? $"The header needs a 'name' column; the columns are {string.Join(", ", Known)}."
            : unknown.Count > 0 ? $"Unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the columns are {string.Join(", ", Known)} (and the export's {string.Join(", ", ExportOnly)}, which are ignored)."
            : twice.Count > 0 ? $"Column(s) {string.Join(", ", twice.Select(t => $"'{t}'"))} appear twice in the header."
            : null;
    }

    private static Lead? Check(Dictionary<string, string> cells, Places places, int line, List<FieldError> problems)
    {
        string? Cell(string column) => cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? LeadCsv.Unguard(value.Trim()) : null;
        var checks = new Checks("file");
        var lead = new Lead
        {
            Name = checks.Text("name", Cell("name") ?? "", LeadsDbContext.MaxNameLength),
            Source = Cell("source") is { } source ? checks.OneOf("source", source, LeadSources.All) : "manual",
            PlatformUserId = checks.OptionalText("platform_user_id", Cell("platform_user_id"), 200),
            Notes = checks.OptionalText("notes", Cell("notes"), LeadsDbContext.MaxTextLength),
        };
        if (Cell("budget") is { } budget)
        {
            var plain = budget.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.');
            if (decimal.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
            {
                checks.Money("budget", amount);
                lead.Budget = amount;
            }
            else
            {
                checks.Add("budget", $"'{Short(budget)}' is not an amount of tenge (15000 or 15000.50)", "decimal_parsing");
            }
        }
        if (Cell("phone") is { } written)
        {
            var phone = PhoneNormalizer.Normalize(written);
            if (phone.Phone is { } normalized)
            {
                (lead.Phone, lead.PhoneE164) = (normalized.Display, normalized.E164);
            }
            else
            {
                checks.Add("phone", phone.Error ?? $"'{Short(written)}' is not a valid phone number");
            }
        }
        places.Attribute(lead, checks, Cell("ad_id"), Cell("campaign_id"), Cell("campaign"), Cell("niche_id"), Cell("niche"));
        problems.AddRange(checks.Problems.Select(p => new FieldError(["file", line, p.Location[^1]], p.Message, p.Type)));
        return checks.Ok ? lead : null;
    }

    private static async Task<List<ImportDuplicate>> DuplicatesAsync(LeadsDbContext db, List<Candidate> candidates, int windowDays, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var phones = candidates.Select(c => c.Lead.PhoneE164).OfType<string>().Distinct().ToList();
        var chats = candidates.Where(c => c.Lead.PhoneE164 is null).Select(c => c.Lead.PlatformUserId).OfType<string>().Distinct().ToList();
        var since = now.AddDays(-windowDays);
        var open = windowDays == 0 ? [] : await db.Leads.AsNoTracking()
            .Where(l => l.CreatedAt >= since && !LeadStatuses.Closed.Contains(l.Status)
                && ((l.PhoneE164 != null && phones.Contains(l.PhoneE164)) || (l.PlatformUserId != null && chats.Contains(l.PlatformUserId))))
            .OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);
        var seen = new Dictionary<string, int>();
        var duplicates = new List<ImportDuplicate>();
        foreach (var (line, lead) in candidates)
        {
            var key = lead.PhoneE164 is { } e164 ? "phone " + e164 : lead.PlatformUserId is { } chat ? $"chat {lead.Source}:{chat}" : null;
            if (key is null)
            {
                continue;
            }
            var what = lead.Phone is { } display ? $"Phone {display}" : $"{lead.Source} chat {lead.PlatformUserId}";
            var stored = open.FirstOrDefault(l => lead.PhoneE164 is { } phone ? l.PhoneE164 == phone : l.Source == lead.Source && l.PlatformUserId == lead.PlatformUserId);
            if (stored is not null)
            {
                duplicates.Add(new ImportDuplicate(line, lead.Phone, null, stored.Id,
                    $"{what} is already lead {stored.Id} ({stored.Name}, {stored.Status}, since {stored.CreatedAt.UtcDateTime:yyyy-MM-dd})"));
            }
            else if (seen.TryGetValue(key, out var first))
            {
                duplicates.Add(new ImportDuplicate(line, lead.Phone, first, null, $"{what} is already on line {first}"));
            }
            else
            {
                seen[key] = line;
            }
        }
        return duplicates;
    }

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
