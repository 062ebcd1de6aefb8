using Clientele.Leads.Data;
using Clientele.Leads.Idempotency;
using Clientele.Leads.Shared;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Niches;

/// <summary>Seed 004's niches: create, list (status, limit), get, patch, delete; and their funnel against the targets.</summary>
public static class NicheEndpoints
{
    public sealed record NicheView(
        Guid Id, string Name, string Category, string? Description, string Status,
        [property: Float] decimal? CplTarget, [property: Float] decimal? RoiTarget, DateTime CreatedAt)
    {
        public static NicheView Of(Niche n) => new(n.Id, n.Name, n.Category, n.Description, n.Status, n.CplTarget, n.RoiTarget, n.CreatedAt.UtcDateTime);
    }

    public sealed record NicheInput(string? Name = null, string? Category = null, string? Description = null, decimal? CplTarget = null, decimal? RoiTarget = null, string? Status = null);

    public static void Map(RouteGroupBuilder leads)
    {
        var niches = leads.MapGroup("/api/niches").WithTags("Niches");
        niches.MapPost("/", CreateAsync).WithName("CreateNiche").WithSummary("Adds a niche in status research.").RequireWriteAccess(LeadsModule.Name).Idempotent();
        niches.MapGet("/", ListAsync).WithName("ListNiches").WithSummary("Niches, newest first; status filter, limit (default 100).");
        niches.MapGet("/{niche_id}", GetAsync).WithName("GetNiche").WithSummary("One niche.");
        niches.MapPatch("/{niche_id}", UpdateAsync).WithName("UpdateNiche").WithSummary("Changes the fields sent.").RequireWriteAccess(LeadsModule.Name);
        niches.MapDelete("/{niche_id}", DeleteAsync).WithName("DeleteNiche")
            .WithSummary("Deletes a niche with its campaigns, ads and spend; its leads stay, unattributed.").RequireWriteAccess(LeadsModule.Name);
        niches.MapGet("/{niche_id}/stats", NicheStats.GetAsync).WithName("GetNicheStats")
            .WithSummary("Leads, spend, CPL, conversion and ROI of the niche's campaigns against cpl_target and roi_target, with a verdict.");
    }

    public static async Task<IResult> CreateAsync(NicheInput request, LeadsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        var niche = new Niche
        {
            Name = checks.Text("name", request.Name, LeadsDbContext.MaxNameLength),
            Category = checks.Text("category", request.Category, 100),
            Description = checks.OptionalText("description", request.Description, LeadsDbContext.MaxTextLength),
            CplTarget = request.CplTarget,
            RoiTarget = request.RoiTarget,
            CreatedAt = Instants.Now(time),
        };
        if (request.Status is not null)
        {
            niche.Status = checks.OneOf("status", request.Status, NicheStatuses.All);
        }
        checks.Money("cpl_target", request.CplTarget);
        checks.Money("roi_target", request.RoiTarget);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        db.Niches.Add(niche);
        LeadsEvents.Publish(db, "niche.created", new { niche = NicheView.Of(niche) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NicheView.Of(niche));
    }

    public static async Task<IResult> ListAsync(LeadsDbContext db, [FromQuery] string? status, [FromQuery] int? limit, [FromQuery] int? skip, CancellationToken cancellationToken)
    {
        var query = new Checks("query");
        query.Limit(limit);
        if (status is not null)
        {
            status = query.OneOf("status", status, NicheStatuses.All);
        }
        if (skip < 0)
        {
            query.Add("skip", "Input should be greater than or equal to 0", "greater_than_equal");
        }
        if (!query.Ok)
        {
            return query.Invalid();
        }
        var rows = db.Niches.AsNoTracking();
        rows = status is null ? rows : rows.Where(n => n.Status == status);
        var page = await rows.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Page(skip, limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(NicheView.Of).ToList());
    }

    public static async Task<IResult> GetAsync([FromRoute(Name = "niche_id")] string nicheId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(nicheId, out var id))
        {
            return Refusals.NotAnId("niche_id");
        }
        return await db.Niches.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken) is { } niche
            ? TypedResults.Ok(NicheView.Of(niche))
            : Refusals.NotFound("Niche");
    }

    public static async Task<IResult> UpdateAsync([FromRoute(Name = "niche_id")] string nicheId, NicheInput request, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(nicheId, out var id))
        {
            return Refusals.NotAnId("niche_id");
        }
        var niche = await db.Niches.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (niche is null)
        {
            return Refusals.NotFound("Niche");
        }
        var checks = new Checks();
        var name = request.Name is null ? niche.Name : checks.Text("name", request.Name, LeadsDbContext.MaxNameLength);
        var category = request.Category is null ? niche.Category : checks.Text("category", request.Category, 100);
        var description = request.Description is null ? niche.Description : checks.OptionalText("description", request.Description, LeadsDbContext.MaxTextLength);
        var status = request.Status is null ? niche.Status : checks.OneOf("status", request.Status, NicheStatuses.All);
        checks.Money("cpl_target", request.CplTarget);
        checks.Money("roi_target", request.RoiTarget);
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        (niche.Name, niche.Category, niche.Description, niche.Status) = (name, category, description, status);
        niche.CplTarget = request.CplTarget ?? niche.CplTarget;
        niche.RoiTarget = request.RoiTarget ?? niche.RoiTarget;
        LeadsEvents.Publish(db, "niche.updated", new { niche = NicheView.Of(niche) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(NicheView.Of(niche));
    }

    public static async Task<IResult> DeleteAsync([FromRoute(Name = "niche_id")] string nicheId, LeadsDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(nicheId, out var id))
        {
            return Refusals.NotAnId("niche_id");
        }
        var niche = await db.Niches.FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (niche is null)
        {
            return Refusals.NotFound("Niche");
        }
        db.Niches.Remove(niche);
        LeadsEvents.Publish(db, "niche.deleted", new { niche = NicheView.Of(niche) });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new Deleted("Ниша удалена", id));
    }
}
