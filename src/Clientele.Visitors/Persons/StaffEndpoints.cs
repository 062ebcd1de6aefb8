using System.Security.Claims;
using Clientele.Platform.Modules;
using Clientele.Visitors.Data;
using Clientele.Visitors.Privacy;
using Clientele.Visitors.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Persons;

/// <summary>
/// Extension: marking a person as staff. Staff visits stay recorded but drop out of every statistic (they go through
/// <see cref="Statistics.VisitsQuery"/>) and raise no <c>person_joined</c> event, so the live feed and the webhook announce customers.
/// </summary>
public static class StaffEndpoints
{
    public sealed record StaffChange(bool? Staff = null);

    public sealed record StaffView(Guid Id, string? FullName, bool IsStaff);

    public static void Map(RouteGroupBuilder visitors)
    {
        var client = visitors.MapGroup("/api/client").WithTags("Persons");
        client.MapGet("/staff/", ListAsync).WithName("VisitorsListStaff");
        client.MapPut("/person/{person_id}/staff/", MarkAsync).RequireWriteAccess(VisitorsModule.Name).WithName("VisitorsMarkStaff")
            .WithSummary("Marks a person as staff (or not): staff visits leave the statistics and the arrival events.");
    }

    public static async Task<IResult> ListAsync(VisitorsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Persons.AsNoTracking().Where(p => p.Staff).OrderBy(p => p.FullName).ThenBy(p => p.Id)
            .Select(p => new StaffView(p.Id, p.FullName, true)).ToListAsync(cancellationToken));

    public static async Task<IResult> MarkAsync(string person_id, StaffChange change, VisitorsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (VisitorsResults.IdOf(person_id) is not { } id || await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return VisitorsResults.NotFound();
        }
        if (change.Staff is not { } staff)
        {
            return VisitorsResults.Invalid("staff", PersonUpload.Required);
        }
        if (person.Staff != staff)
        {
            person.Staff = staff;
            person.UpdatedAt = DateTimeOffset.UtcNow;
            Audit.Record(db, user, staff ? Audit.MarkedStaff : Audit.UnmarkedStaff, id);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new StaffView(person.Id, person.FullName, person.Staff));
    }
}
