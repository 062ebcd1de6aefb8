using System.Globalization;
using Clientele.Leads.Leads;
using CsvHelper;

namespace Clientele.Leads.Export;

/// <summary>One exported lead, with its niche's and campaign's names for a spreadsheet.</summary>
public sealed record LeadRow(Lead Lead, string? Niche, string? Campaign);

/// <summary>
/// The leads CSV (RFC 4180, UTF-8, CRLF): the columns the import reads, then what only the export has. A text cell starting
/// with =, +, - or @ is prefixed with ' so a spreadsheet does not run it (the import takes the ' off again); phones are ours.
/// </summary>
public static class LeadCsv
{
    public static readonly string[] Columns =
        ["name", "phone", "source", "platform_user_id", "budget", "notes", "niche_id", "niche", "campaign_id", "campaign", "ad_id",
         "id", "phone_e164", "status", "quality_score", "created_at"];

    public static void WriteHeader(CsvWriter csv)
    {
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
    }

    public static void Write(CsvWriter csv, LeadRow row)
    {
        var lead = row.Lead;
        csv.WriteField(Guard(lead.Name));
        csv.WriteField(lead.Phone ?? "");
        csv.WriteField(lead.Source);
        csv.WriteField(Guard(lead.PlatformUserId));
        csv.WriteField(lead.Budget?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(Guard(lead.Notes));
        csv.WriteField(lead.NicheId?.ToString() ?? "");
        csv.WriteField(Guard(row.Niche));
        csv.WriteField(lead.CampaignId?.ToString() ?? "");
        csv.WriteField(Guard(row.Campaign));
        csv.WriteField(lead.AdId?.ToString() ?? "");
        csv.WriteField(lead.Id.ToString());
        csv.WriteField(lead.PhoneE164 ?? "");
        csv.WriteField(lead.Status);
        csv.WriteField(lead.QualityScore?.ToString(CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(lead.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        csv.NextRecord();
    }

    public static string Guard(string? text) => text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text ?? "";

    public static string Unguard(string text) => text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
}
