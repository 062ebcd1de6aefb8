using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Population;

public static class DataVersions
{
    /// <summary>
    /// Raises the current organization's data version. Call it inside the transaction of the change, before its SaveChanges:
    /// the raise and the change commit together. The first raise adds the row (saved with the change).
    /// </summary>
    public static async Task BumpAsync(BankingDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = await db.DataVersions.ExecuteUpdateAsync(
            set => set.SetProperty(v => v.Version, v => v.Version + 1).SetProperty(v => v.ChangedAt, now), cancellationToken);
        if (raised == 0)
        {
            db.DataVersions.Add(new DataVersion { Version = 1, ChangedAt = now });
        }
    }

    /// <summary>The current organization's data version; 0 before its first import.</summary>
    public static async Task<long> CurrentAsync(BankingDbContext db, CancellationToken cancellationToken) =>
        await db.DataVersions.Select(v => (long?)v.Version).FirstOrDefaultAsync(cancellationToken) ?? 0;
}
