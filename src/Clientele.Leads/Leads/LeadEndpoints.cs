using System.Security.Claims;
using Clientele.Leads.Data;
using Clientele.Leads.Idempotency;
using Clientele.Leads.Phones;
using Clientele.Leads.Shared;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Leads;

/// <summary>Seed 004's leads: create (joining a repeat contact), list (status, source, limit), get with the conversation, status.</summary>
public static class LeadEndpoints
{
    public sealed record LeadInput(string? AdId = null, string? CampaignId = null, string? Name = null, string? Phone = null, string? Source = null, string? PlatformUserId = null, decimal? Budget = null, string? Notes = null);

    public static void Map(RouteGroupBuilder leads)
    {
        var group = leads.MapGroup("/api/leads").WithTags("Leads");
        group.MapPost("/", CreateAsync).WithName("CreateLead")
            .WithSummary("Adds a lead attributed to its ad's campaign and niche; a repeat contact from the same phone joins the open lead (is_duplicate).")
            .RequireWriteAccess(LeadsModule.Name).Idempotent();
        group.MapGet("/", ListAsync).WithName("ListLeads").WithSummary("Leads, newest first; status, source, campaign_id, niche_id, phone filters, limit.");
        group.MapGet("/{lead_id}", GetAsync).WithName("GetLead").WithSummary("One lead with its conversation and the bot's per-factor explanation.");
        group.MapPatch("/{lead_id}/status", ChangeStatusAsync).WithName("ChangeLeadStatus")
            .WithSummary("Moves the lead along its state machine; the status comes in the JSON body or ?status=. The bot no longer moves it.")
            .RequireWriteAccess(LeadsModule.Name);
        MessageEndpoints.Map(group);
        MergeEndpoints.Map(group);
        StatusHistoryEndpoints.Map(group);
    }

    public static async Task<IResult> CreateAsync(LeadInput request, LeadsDbContext db, IOptionsMonitor<LeadsOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var checks = new Checks();
        var adId = checks.Uuid("ad_id", request.AdId);
        var campaignId = checks.Uuid("campaign_id", request.CampaignId);
        var candidate = new Lead
        {
            Name = checks.Text("name", request.Name, LeadsDbContext.MaxNameLength),
            Source = checks.OneOf("source", request.Source, LeadSources.All),
            PlatformUserId = checks.OptionalText("platform_user_id", request.PlatformUserId, 200),
            Budget = request.Budget,
            Notes = checks.OptionalText("notes", request.Notes, LeadsDbContext.MaxTextLength),
        };
        checks.Money("budget", request.Budget);
        if (checks.OptionalText("phone", request.Phone, 40) is { } written && checks.Ok)
        {
            var phone = PhoneNormalizer.Normalize(written);
            if (phone.Phone is { } normalized)
            {
                (candidate.Phone, candidate.PhoneE164) = (normalized.Display, normalized.E164);
            }
            else
            {
                checks.Add("phone", phone.Error ?? "value is not a valid phone number", "value_error");
            }
        }
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        if (await Attribution.ResolveAsync(db, candidate, adId, campaignId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var (lead, duplicate) = await LeadIntake.AdmitAsync(db, candidate, options.CurrentValue.DuplicateWindowDays, Instants.Now(time), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LeadCreated.Of(lead, duplicate));
    }

    public static async Task<IResult> ListAsync(LeadsDbContext db, [FromQuery] string? status, [FromQuery] string? source,
        [FromQuery(Name = "campaign_id")] string? campaignId, [FromQuery(Name = "niche_id")] string? nicheId, [FromQuery] string? phone,
        [FromQuery] int? limit, [FromQuery] int? skip, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        query.Limit(limit);
        status = status is null ? null : query.OneOf("status", status, LeadStatuses.All);
        source = source is null ? null : query.OneOf("source", source, LeadSources.All);
        var campaign = query.Uuid("campaign_id", campaignId);
        var niche = query.Uuid("niche_id", nicheId);
        query.Filter("phone", phone, 40);
        if (skip < 0)
        {
            query.Add("skip", "Input should be greater than or equal to 0", "greater_than_equal");
        }
        if (!query.Ok)
        {
            return query.Invalid();
        }
        var rows = db.Leads.AsNoTracking();
        rows = status is null ? rows : rows.Where(l => l.Status == status);
        rows = source is null ? rows : rows.Where(l => l.Source == source);
        rows = campaign is null ? rows : rows.Where(l => l.CampaignId == campaign);
        rows = niche is null ? rows : rows.Where(l => l.NicheId == niche);
        if (phone is { Length: > 0 })
        {
            var e164 = PhoneNormalizer.Normalize(phone).Phone?.E164;
            rows = rows.Where(l => l.PhoneE164 == e164);
        }
        var page = await rows.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(LeadView.Of).ToList());
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "lead_id")] string leadId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(leadId, out var id))
        {
            return Refusals.NotAnId("lead_id");
        }
        if (await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } lead)
        {
            return Refusals.NotFound("Lead");
        }
        return TypedResults.Ok(LeadDetail.Of(lead, await MessageEndpoints.ConversationAsync(db, id, cancellationToken)));
    }

    public static async Task<IResult> ChangeStatusAsync([FromRoute(Name = "lead_id")] string leadId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StatusInput? body, [FromQuery(Name = "status")] string? query,
        LeadsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(leadId, out var id))
        {
            return Refusals.NotAnId("lead_id");
        }
        if (await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is not { } lead)
        {
            return Refusals.NotFound("Lead");
        }
        var (status, refusal) = StatusInput.Read(body, query, LeadStatuses.All);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!LeadStatuses.CanMove(lead.Status, status!))
        {
            return Refusals.CannotMove("Lead", lead.Status, status!, LeadStatuses.From(lead.Status));
        }
        if (lead.Status != status)
        {
            lead.StatusSetByHuman = true;
            lead.UpdatedAt = Instants.Now(time);
            LeadStatusChange.Apply(db, lead, status!, StatusActor.Human("api", user));
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(LeadDetail.Of(lead, await MessageEndpoints.ConversationAsync(db, id, cancellationToken)));
    }
}
