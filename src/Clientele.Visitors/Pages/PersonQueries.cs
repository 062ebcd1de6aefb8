using System.Globalization;
using Clientele.Visitors.Data;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Recognition;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Pages;

/// <summary>A person as the list and its CSV show it.</summary>
public sealed record PersonRow(Guid Id, string? FullName, string? PhoneNumber, int? Age, string? Gender, PersonStatus Status, int Visits,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, bool Consent);

/// <summary>One visit of a person, with how many of the person's exemplars were learned in it (what a split would move).</summary>
public sealed record PersonVisit(Guid Id, DateTimeOffset EntryTime, DateTimeOffset ExitTime, int Frames, bool Returning, bool Probable, int Exemplars);

/// <summary>A person, its visits newest first, and its biometrics as counts only.</summary>
public sealed record PersonDetail(Person Person, IReadOnlyList<PersonVisit> Visits, int Exemplars, int Sightings);

/// <summary>
/// What the persons pages read. Search looks in the name and phone, or takes a whole id. Lower-casing is the database's, which on
/// SQLite folds ASCII only, so names are also matched as typed and with capitalised words ("айгерим" finds "Айгерим").
/// </summary>
public static class PersonQueries
{
    /// <summary>Ordered before the projection: EF cannot order by a member of a record built by its constructor.</summary>
    public static IQueryable<PersonRow> Filtered(VisitorsDbContext db, string? search, string? sort, bool descending, Guid? except = null)
    {
        var persons = db.Persons.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var lower = term.ToLowerInvariant();
            var capitalised = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(lower);
            persons = Guid.TryParse(term, out var id)
                ? persons.Where(p => p.Id == id)
                : persons.Where(p => (p.FullName != null && (p.FullName.Contains(term) || p.FullName.Contains(capitalised) || p.FullName.ToLower().Contains(lower)))
                    || (p.PhoneNumber != null && p.PhoneNumber.Contains(term)));
        }
        if (except is { } excluded)
        {
            persons = persons.Where(p => p.Id != excluded);
        }
        var ordered = (sort ?? "last_seen") switch
        {
            "name" => descending ? persons.OrderByDescending(p => p.FullName).ThenByDescending(p => p.Id) : persons.OrderBy(p => p.FullName == null).ThenBy(p => p.FullName).ThenBy(p => p.Id),
            "visits" => descending
                ? persons.OrderByDescending(p => db.Visits.Count(v => v.PersonId == p.Id)).ThenByDescending(p => p.Id)
                : persons.OrderBy(p => db.Visits.Count(v => v.PersonId == p.Id)).ThenBy(p => p.Id),
            "first_seen" => descending ? persons.OrderByDescending(p => p.FirstSeen).ThenByDescending(p => p.Id) : persons.OrderBy(p => p.FirstSeen).ThenBy(p => p.Id),
            _ => descending ? persons.OrderByDescending(p => p.LastSeen).ThenByDescending(p => p.Id) : persons.OrderBy(p => p.LastSeen).ThenBy(p => p.Id),
        };
        return ordered.Select(p => new PersonRow(p.Id, p.FullName, p.PhoneNumber, p.Age, p.Gender, p.Status, db.Visits.Count(v => v.PersonId == p.Id),
            p.FirstSeen, p.LastSeen, p.Consent));
    }

    public static async Task<(List<PersonRow> Rows, int Total)> PageAsync(VisitorsDbContext db, string? search, string? sort, bool descending, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var rows = Filtered(db, search, sort, descending);
        return (await rows.Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken), await rows.CountAsync(cancellationToken));
    }

    public static async Task<PersonDetail?> DetailAsync(VisitorsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return null;
        }
        var learned = await db.Exemplars.AsNoTracking().Where(x => x.PersonId == id).GroupBy(x => x.VisitId)
            .Select(g => new { VisitId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.VisitId, g => g.Count, cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.PersonId == id).OrderByDescending(v => v.EntryTime).ToListAsync(cancellationToken);
        var sightings = await db.Sightings.AsNoTracking().CountAsync(s => s.PersonId == id, cancellationToken);
        return new PersonDetail(person, [.. visits.Select(v => new PersonVisit(v.Id, v.EntryTime, v.ExitTime, v.Frames, v.Returning, v.Probable, learned.GetValueOrDefault(v.Id)))],
            learned.Values.Sum(), sightings);
    }

    /// <summary>Other persons a merge may absorb, found as the list finds them.</summary>
    public static Task<List<PersonRow>> CandidatesAsync(VisitorsDbContext db, Guid kept, string? search, CancellationToken cancellationToken) =>
        Filtered(db, search, "last_seen", descending: true, except: kept).Take(10).ToListAsync(cancellationToken);

    public const string CsvHeader = "id,full_name,phone_number,age,gender,status,visits,first_seen,last_seen,consent\r\n";

    /// <summary>One CSV line (RFC 4180 quoting; a leading =, +, - or @ of a name is prefixed with ' so a spreadsheet does not run it).</summary>
    public static string CsvLine(PersonRow row) => string.Join(',',
    [
        row.Id.ToString(), Text(row.FullName ?? ""), Text(row.PhoneNumber ?? ""), row.Age?.ToString(CultureInfo.InvariantCulture) ?? "", Text(row.Gender ?? ""),
        row.Status.ToString().ToLowerInvariant(), row.Visits.ToString(CultureInfo.InvariantCulture), Iso(row.FirstSeen), Iso(row.LastSeen), row.Consent ? "true" : "false",
    ]) + "\r\n";

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !(value[0] == '+' && value.Skip(1).All(ch => char.IsDigit(ch) || ch is ' ' or '-' or '(' or ')')))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
