using System.Globalization;
using System.Text;
using Clientele.Leads.Data;
using Clientele.Leads.Leads;
using Clientele.Leads.Shared;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Export;

/// <summary><c>GET /api/leads/export.csv</c>: the organization's leads as CSV, filtered as the list is (status, source, niche_id, campaign_id), newest first.</summary>
public static class ExportEndpoints
{
    public const string Path = "/api/leads/export.csv";

    public sealed record Filter(string? Status, string? Source, Guid? NicheId, Guid? CampaignId);

    public static void Map(RouteGroupBuilder leads) =>
        leads.MapGet(Path, Export).WithTags("Leads").WithName("ExportLeads")
            .WithSummary("Leads as CSV (RFC 4180, UTF-8), filtered as the list: status, source, niche_id, campaign_id. The columns the import reads come first.");

    /// <summary>The export's address under the module's path base, as the dashboard links to it.</summary>
    public static string Link(string pathBase, Filter filter)
    {
        var query = new List<string>();
        Add(query, "status", filter.Status);
        Add(query, "source", filter.Source);
        Add(query, "niche_id", filter.NicheId?.ToString());
        Add(query, "campaign_id", filter.CampaignId?.ToString());
        return pathBase.TrimEnd('/') + Path + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is { Length: > 0 })
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    public static IResult Export(LeadsDbContext db, HttpContext context, [FromQuery] string? status, [FromQuery] string? source,
        [FromQuery(Name = "niche_id")] string? nicheId, [FromQuery(Name = "campaign_id")] string? campaignId)
    {
        var query = new Checks("query");
        status = status is null ? null : query.OneOf("status", status, LeadStatuses.All);
        source = source is null ? null : query.OneOf("source", source, LeadSources.All);
        var niche = query.Uuid("niche_id", nicheId);
        var campaign = query.Uuid("campaign_id", campaignId);
        if (!query.Ok)
        {
            return query.Invalid();
        }
        var rows = Rows(db, new Filter(status, source, niche, campaign));
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            LeadCsv.WriteHeader(csv);
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(context.RequestAborted))
            {
                LeadCsv.Write(csv, row);
            }
            await csv.FlushAsync();
        }, "text/csv; charset=utf-8", "leads.csv");
    }

    public static IQueryable<LeadRow> Rows(LeadsDbContext db, Filter filter)
    {
        var leads = db.Leads.AsNoTracking();
        leads = filter.Status is null ? leads : leads.Where(l => l.Status == filter.Status);
        leads = filter.Source is null ? leads : leads.Where(l => l.Source == filter.Source);
        leads = filter.NicheId is null ? leads : leads.Where(l => l.NicheId == filter.NicheId);
        leads = filter.CampaignId is null ? leads : leads.Where(l => l.CampaignId == filter.CampaignId);
        return leads.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new LeadRow(l,
                db.Niches.Where(n => n.Id == l.NicheId).Select(n => n.Name).FirstOrDefault(),
                db.Campaigns.Where(c => c.Id == l.CampaignId).Select(c => c.Name).FirstOrDefault()));
    }
}
