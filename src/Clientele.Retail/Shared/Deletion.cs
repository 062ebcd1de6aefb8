using Clientele.Retail.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Shared;

public static class Deletion
{
    /// <summary>Saves a delete; a reference added between the check and the save (the database's foreign key refuses) is a 409 too.</summary>
    public static async Task<IResult> SaveAsync(RetailDbContext db, object deleted, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(deleted);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Conflict(new Detail(conflict));
        }
    }
}
