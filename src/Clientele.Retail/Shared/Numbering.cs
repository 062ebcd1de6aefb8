using Clientele.Retail.Data;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Retail.Shared;

/// <summary>Per-organization numbers (product_sku, customer_id, …): the next after the highest, a unique index settling races.</summary>
public static class Numbering
{
    /// <summary>
    /// Adds <paramref name="row"/> numbered <c>max + 1</c> (or <paramref name="first"/>) and saves, with <paramref name="alsoPublish"/>
    /// run just before each save so its event carries the number. Two requests at the same moment: the loser of the unique
    /// index takes the next number.
    /// </summary>
    public static async Task InsertAsync<T>(RetailDbContext db, T row, IQueryable<int> numbers, int first, Action<T, int> assign,
        Action alsoPublish, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            assign(row, (await numbers.MaxAsync(n => (int?)n, cancellationToken) ?? first - 1) + 1);
            db.Add(row);
            alsoPublish();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }
}
