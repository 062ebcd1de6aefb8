using Clientele.Leads.Campaigns;
using Clientele.Leads.Data;
using Clientele.Leads.Idempotency;
using Clientele.Leads.Shared;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Spend;

/// <summary>The spend ledger of a campaign (an extension): a campaign's <c>spent</c> is the sum of its records.</summary>
public static class SpendEndpoints
{
    public sealed record SpendView(Guid Id, Guid CampaignId, Guid? AdId, [property: Float] decimal Amount, DateOnly Date, string? Note, DateTime CreatedAt)
    {
        public static SpendView Of(SpendRecord s) => new(s.Id, s.CampaignId, s.AdId, s.Amount, s.Date, s.Note, s.CreatedAt.UtcDateTime);
    }

    public sealed record SpendInput(decimal? Amount = null, DateOnly? Date = null, string? AdId = null, string? Note = null);

    public static void Map(RouteGroupBuilder leads)
    {
        var spend = leads.MapGroup("/api/campaigns/{campaign_id}/spend").WithTags("Spend");
        spend.MapGet("/", ListAsync).WithName("ListSpend").WithSummary("The campaign's spend records, newest first.");
        spend.MapPost("/", CreateAsync).WithName("RecordSpend")
            .WithSummary("Records money paid for the campaign (optionally for one of its ads); its spent, CPL and the niche's ROI follow.")
            .RequireWriteAccess(LeadsModule.Name).Idempotent();
    }

    public static async Task<IResult> ListAsync([FromRoute(Name = "campaign_id")] string campaignId, LeadsDbContext db, [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        var (id, refusal) = await CampaignListing.CheckAsync(db, campaignId, limit, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var rows = await db.Spend.AsNoTracking().Where(s => s.CampaignId == id).OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedAt)
            .Page(0, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(SpendView.Of).ToList());
    }

    public static async Task<IResult> CreateAsync([FromRoute(Name = "campaign_id")] string campaignId, SpendInput request, LeadsDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Refusals.NotFound("Campaign");
        }
        var checks = new Checks();
        if (request.Amount is null)
        {
            checks.Add("amount", "Field required", "missing");
        }
        else if (request.Amount <= 0)
        {
            checks.Add("amount", "Input should be greater than 0", "greater_than");
        }
        checks.Money("amount", request.Amount);
        var adId = checks.Uuid("ad_id", request.AdId);
        var note = checks.OptionalText("note", request.Note, LeadsDbContext.MaxNameLength);
        var today = DateOnly.FromDateTime(Instants.Now(time).UtcDateTime);
        if (request.Date is { } date && (date.Year < 2000 || date > today.AddDays(1)))
        {
            checks.Add("date", $"Date should be between 2000-01-01 and {today.AddDays(1):yyyy-MM-dd}");
        }
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        if (adId is { } ad && !await db.Ads.AnyAsync(a => a.Id == ad && a.CampaignId == id, cancellationToken))
        {
            return Refusals.BadRequest($"Ad {ad} not found in this campaign");
        }
        var record = new SpendRecord { CampaignId = id, AdId = adId, Amount = request.Amount!.Value, Date = request.Date ?? today, Note = note, CreatedAt = Instants.Now(time) };
        db.Spend.Add(record);
        LeadsEvents.Publish(db, "spend.created", new { spend = SpendView.Of(record) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SpendView.Of(record));
    }
}
