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

namespace Clientele.Leads.Ads;

/// <summary>Ads (an extension: the original had the table but no endpoint): CRUD under a campaign, with their spend and leads.</summary>
public static class AdEndpoints
{
    public sealed record AdView(
        Guid Id, Guid CampaignId, string Title, string? Url, string? ExternalId, [property: Float] decimal? Price, string Status,
        [property: Float] decimal Spent, int LeadsCount, DateTime CreatedAt);

    public sealed record AdInput(string? Title = null, string? Url = null, string? ExternalId = null, decimal? Price = null, string? Status = null);

    public static void Map(RouteGroupBuilder leads)
    {
        var underCampaign = leads.MapGroup("/api/campaigns/{campaign_id}/ads").WithTags("Ads");
        underCampaign.MapGet("/", ListAsync).WithName("ListAds").WithSummary("The campaign's ads with their spend and leads.");
        underCampaign.MapPost("/", CreateAsync).WithName("CreateAd").WithSummary("Adds an ad to the campaign.").RequireWriteAccess(LeadsModule.Name).Idempotent();
        var ads = leads.MapGroup("/api/ads").WithTags("Ads");
        ads.MapGet("/{ad_id}", GetAsync).WithName("GetAd").WithSummary("One ad.");
        ads.MapPatch("/{ad_id}", UpdateAsync).WithName("UpdateAd").WithSummary("Changes the fields sent.").RequireWriteAccess(LeadsModule.Name);
        ads.MapDelete("/{ad_id}", DeleteAsync).WithName("DeleteAd")
            .WithSummary("Deletes an ad; its leads stay with the campaign, its spend stays with the campaign.").RequireWriteAccess(LeadsModule.Name);
    }

    private static async Task<List<AdView>> ViewsAsync(LeadsDbContext db, List<Ad> ads, CancellationToken cancellationToken)
    {
        var ids = ads.Select(a => a.Id).ToList();
        var spend = await db.Spend.AsNoTracking().Where(s => s.AdId != null && ids.Contains(s.AdId.Value))
            .Select(s => new { s.AdId, s.Amount }).ToListAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking().Where(l => l.AdId != null && ids.Contains(l.AdId.Value))
            .GroupBy(l => l.AdId).Select(g => new { Ad = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return ads.Select(a => new AdView(a.Id, a.CampaignId, a.Title, a.Url, a.ExternalId, a.Price, a.Status,
            spend.Where(s => s.AdId == a.Id).Sum(s => s.Amount), leads.FirstOrDefault(l => l.Ad == a.Id)?.Count ?? 0, a.CreatedAt.UtcDateTime)).ToList();
    }

    private static async Task<AdView> ViewAsync(LeadsDbContext db, Ad ad, CancellationToken cancellationToken) => (await ViewsAsync(db, [ad], cancellationToken))[0];

    public static async Task<IResult> ListAsync([FromRoute(Name = "campaign_id")] string campaignId, LeadsDbContext db, [FromQuery] int? limit,
        CancellationToken cancellationToken)
    {
        var (id, refusal) = await CampaignListing.CheckAsync(db, campaignId, limit, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var ads = await db.Ads.AsNoTracking().Where(a => a.CampaignId == id).OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Page(0, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ViewsAsync(db, ads, cancellationToken));
    }

    public static async Task<IResult> CreateAsync([FromRoute(Name = "campaign_id")] string campaignId, AdInput request, LeadsDbContext db,
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
        var ad = new Ad
        {
            CampaignId = id,
            Title = checks.Text("title", request.Title, LeadsDbContext.MaxNameLength),
            Url = checks.OptionalText("url", request.Url, 2000),
            ExternalId = checks.OptionalText("external_id", request.ExternalId, 200),
            Price = request.Price,
            Status = request.Status is null ? AdStatuses.Draft : checks.OneOf("status", request.Status, AdStatuses.All),
            CreatedAt = Instants.Now(time),
        };
        checks.Money("price", request.Price);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        db.Ads.Add(ad);
        var view = new AdView(ad.Id, ad.CampaignId, ad.Title, ad.Url, ad.ExternalId, ad.Price, ad.Status, 0m, 0, ad.CreatedAt.UtcDateTime);
        LeadsEvents.Publish(db, "ad.created", new { ad = view });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "ad_id")] string adId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(adId, out var id))
        {
            return Refusals.NotAnId("ad_id");
        }
        return await db.Ads.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } ad
            ? TypedResults.Ok(await ViewAsync(db, ad, cancellationToken))
            : Refusals.NotFound("Ad");
    }

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "ad_id")] string adId, AdInput request, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(adId, out var id))
        {
            return Refusals.NotAnId("ad_id");
        }
        if (await db.Ads.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } ad)
        {
            return Refusals.NotFound("Ad");
        }
        var checks = new Checks();
        var title = request.Title is null ? ad.Title : checks.Text("title", request.Title, LeadsDbContext.MaxNameLength);
        var url = request.Url is null ? ad.Url : checks.OptionalText("url", request.Url, 2000);
        var externalId = request.ExternalId is null ? ad.ExternalId : checks.OptionalText("external_id", request.ExternalId, 200);
        var status = request.Status is null ? ad.Status : checks.OneOf("status", request.Status, AdStatuses.All);
        checks.Money("price", request.Price);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        (ad.Title, ad.Url, ad.ExternalId, ad.Status, ad.Price) = (title, url, externalId, status, request.Price ?? ad.Price);
        var view = await ViewAsync(db, ad, cancellationToken);
        LeadsEvents.Publish(db, "ad.updated", new { ad = view });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "ad_id")] string adId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(adId, out var id))
        {
            return Refusals.NotAnId("ad_id");
        }
        if (await db.Ads.FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } ad)
        {
            return Refusals.NotFound("Ad");
        }
        db.Ads.Remove(ad);
        LeadsEvents.Publish(db, "ad.deleted", new { ad = new { ad.Id, ad.CampaignId, ad.Title } });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new { message = "Ad deleted", id });
    }
}
