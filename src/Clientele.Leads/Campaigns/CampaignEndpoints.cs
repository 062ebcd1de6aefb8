using Clientele.Leads.Data;
using Clientele.Leads.Idempotency;
using Clientele.Leads.Shared;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Campaigns;

/// <summary>Seed 004's campaigns: create, list (niche_id, platform, status, limit), get with stats, status; and a PATCH of the other fields.</summary>
public static class CampaignEndpoints
{
    public sealed record CampaignInput(string? NicheId = null, string? Name = null, string? Platform = null, decimal? Budget = null, DateOnly? StartDate = null, DateOnly? EndDate = null);

    public static void Map(RouteGroupBuilder leads)
    {
        var campaigns = leads.MapGroup("/api/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", CreateAsync).WithName("CreateCampaign").WithSummary("Adds a draft campaign to a niche.").RequireWriteAccess(LeadsModule.Name).Idempotent();
        campaigns.MapGet("/", ListAsync).WithName("ListCampaigns").WithSummary("Campaigns, newest first; niche_id, platform, status filters, limit.");
        campaigns.MapGet("/{campaign_id}", GetAsync).WithName("GetCampaign").WithSummary("One campaign with its stats (total_leads, qualified_leads, cpl, conversion_rate).");
        campaigns.MapPatch("/{campaign_id}/status", ChangeStatusAsync).WithName("ChangeCampaignStatus")
            .WithSummary("Moves the campaign along its state machine; the status comes in the JSON body or ?status=.").RequireWriteAccess(LeadsModule.Name);
        campaigns.MapPatch("/{campaign_id}", UpdateAsync).WithName("UpdateCampaign").WithSummary("Changes name, budget or dates.").RequireWriteAccess(LeadsModule.Name);
        campaigns.MapDelete("/{campaign_id}", DeleteAsync).WithName("DeleteCampaign")
            .WithSummary("Deletes a campaign with its ads and spend; its leads stay, in their niche, without campaign and ad.").RequireWriteAccess(LeadsModule.Name);
    }

    public static async Task<IResult> CreateAsync(CampaignInput request, LeadsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        var nicheId = request.NicheId is null ? null : checks.Uuid("niche_id", request.NicheId);
        if (request.NicheId is null)
        {
            checks.Add("niche_id", "Field required", "missing");
        }
        var campaign = new Campaign
        {
            Name = checks.Text("name", request.Name, LeadsDbContext.MaxNameLength),
            Platform = checks.OneOf("platform", request.Platform, Platforms.All),
            Budget = request.Budget ?? 0m,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            CreatedAt = Instants.Now(time),
        };
        checks.Money("budget", request.Budget);
        CheckDates(checks, request.StartDate, request.EndDate);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        if (!await db.Niches.AnyAsync(n => n.Id == nicheId, cancellationToken))
        {
            return Refusals.BadRequest($"Niche {nicheId} not found");
        }
        campaign.NicheId = nicheId!.Value;
        db.Campaigns.Add(campaign);
        var view = CampaignView.Of(campaign, CampaignFigures.None);
        LeadsEvents.Publish(db, "campaign.created", new { campaign = view });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    private static void CheckDates(Checks checks, DateOnly? start, DateOnly? end)
    {
        if (start is { } from && end is { } to && to < from)
        {
            checks.Add("end_date", "end_date should not be before start_date");
        }
    }

    public static async Task<IResult> ListAsync(LeadsDbContext db, [FromQuery(Name = "niche_id")] string? nicheId, [FromQuery] string? platform,
        [FromQuery] string? status, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        query.Limit(limit);
        var niche = query.Uuid("niche_id", nicheId);
        platform = platform is null ? null : query.OneOf("platform", platform, Platforms.All);
        status = status is null ? null : query.OneOf("status", status, CampaignStatuses.All);
        if (!query.Ok)
        {
            return query.Invalid();
        }
        var rows = db.Campaigns.AsNoTracking();
        rows = niche is null ? rows : rows.Where(c => c.NicheId == niche);
        rows = platform is null ? rows : rows.Where(c => c.Platform == platform);
        rows = status is null ? rows : rows.Where(c => c.Status == status);
        var page = await rows.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Page(0, limit).ToListAsync(cancellationToken);
        var figures = await CampaignFigures.OfAsync(db, page.Select(c => c.Id).ToList(), cancellationToken);
        return TypedResults.Ok(page.Select(c => CampaignView.Of(c, figures[c.Id])).ToList());
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "campaign_id")] string campaignId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return Refusals.NotFound("Campaign");
        }
        var figures = await CampaignFigures.OfAsync(db, [id], cancellationToken);
        return TypedResults.Ok(CampaignDetail.Of(campaign, figures[id]));
    }

    public static async Task<IResult> ChangeStatusAsync([FromRoute(Name = "campaign_id")] string campaignId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StatusInput? body, [FromQuery(Name = "status")] string? query,
        LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return Refusals.NotFound("Campaign");
        }
        var (status, refusal) = StatusInput.Read(body, query, CampaignStatuses.All);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!CampaignStatuses.CanMove(campaign.Status, status!))
        {
            return Refusals.CannotMove("Campaign", campaign.Status, status!, CampaignStatuses.From(campaign.Status));
        }
        var previous = campaign.Status;
        campaign.Status = status!;
        var figures = (await CampaignFigures.OfAsync(db, [id], cancellationToken))[id];
        if (previous != status)
        {
            LeadsEvents.Publish(db, LeadsEvents.CampaignStatusChanged, new { campaign = CampaignView.Of(campaign, figures), previous_status = previous });
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(CampaignDetail.Of(campaign, figures));
    }

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "campaign_id")] string campaignId, CampaignInput request, LeadsDbContext db,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return Refusals.NotFound("Campaign");
        }
        var checks = new Checks();
        var name = request.Name is null ? campaign.Name : checks.Text("name", request.Name, LeadsDbContext.MaxNameLength);
        checks.Money("budget", request.Budget);
        var (start, end) = (request.StartDate ?? campaign.StartDate, request.EndDate ?? campaign.EndDate);
        CheckDates(checks, start, end);
        if (request.NicheId is not null || request.Platform is not null)
        {
            checks.Add(request.NicheId is not null ? "niche_id" : "platform", "A campaign's niche and platform cannot change; create another campaign");
        }
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        (campaign.Name, campaign.Budget, campaign.StartDate, campaign.EndDate) = (name, request.Budget ?? campaign.Budget, start, end);
        var figures = (await CampaignFigures.OfAsync(db, [id], cancellationToken))[id];
        LeadsEvents.Publish(db, "campaign.updated", new { campaign = CampaignView.Of(campaign, figures) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CampaignDetail.Of(campaign, figures));
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "campaign_id")] string campaignId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return Refusals.NotFound("Campaign");
        }
        var figures = (await CampaignFigures.OfAsync(db, [id], cancellationToken))[id];
        db.Campaigns.Remove(campaign);
        LeadsEvents.Publish(db, "campaign.deleted", new { campaign = CampaignView.Of(campaign, figures) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Deleted("Кампания удалена", id));
    }
}
