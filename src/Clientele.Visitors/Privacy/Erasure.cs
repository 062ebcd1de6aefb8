using Clientele.Visitors.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Privacy;

/// <summary>Right to erasure: the person, its vectors and its match decisions go; its visits stay, anonymous, for the counts.</summary>
public static class Erasure
{
    public static async Task EraseAsync(VisitorsDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        await db.Exemplars.Where(x => x.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Sightings.Where(s => s.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Visits.Where(v => v.PersonId == personId).ExecuteUpdateAsync(set => set.SetProperty(v => v.PersonId, (Guid?)null), cancellationToken);
        await db.Carts.Where(c => c.PersonId == personId).ExecuteUpdateAsync(set => set.SetProperty(c => c.PersonId, (Guid?)null), cancellationToken);
        await db.Persons.Where(p => p.Id == personId).ExecuteDeleteAsync(cancellationToken);
    }
}
