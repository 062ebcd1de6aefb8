using System.Text.Json;
using Clientele.Banking.Data;
using Clientele.Banking.Domain;
using Clientele.Banking.Offers;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Banking.Population;

/// <summary>
/// Every client's features stored with the data version they describe, written page by page while the population statistics
/// are built, so the one-client answers read one row instead of aggregating the client's activity again.
/// </summary>
public static class ClientFeaturesStore
{
    // Plain System.Text.Json: dictionaries keep their order and decimals their scale, so a read gives back equal features.
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>The client's stored features when they describe the current data version; null when stale, missing or unknown.</summary>
    public static async Task<ClientFeatures?> FreshAsync(BankingDbContext db, int clientCode, CancellationToken cancellationToken)
    {
        var json = await db.ClientFeatures.AsNoTracking()
            .Where(f => f.ClientCode == clientCode && db.DataVersions.Any(v => v.Version == f.DataVersion))
            .Select(f => f.Features).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ClientFeatures>(json, Json);
    }

    /// <summary>Replaces the stored features of the page's client-code range, in one transaction.</summary>
    public static async Task WritePageAsync(BankingDbContext writer, long version, IReadOnlyList<ClientFeatures> page, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return;
        }
        var (first, last) = (page[0].ClientCode, page[^1].ClientCode);
        await using var transaction = await writer.Database.BeginTransactionAsync(cancellationToken);
        await writer.ClientFeatures.Where(f => f.ClientCode >= first && f.ClientCode <= last).ExecuteDeleteAsync(cancellationToken);
        writer.ClientFeatures.AddRange(page.Select(features => new StoredClientFeatures
        {
            ClientCode = features.ClientCode, DataVersion = version, Features = JsonSerializer.Serialize(features, Json),
        }));
        await writer.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        writer.ChangeTracker.Clear();
    }

    /// <summary>After a full build: rows of clients the build did not see (no longer stored) go.</summary>
    public static async Task DeleteOtherVersionsAsync(BankingDbContext writer, long version, CancellationToken cancellationToken) =>
        await writer.ClientFeatures.Where(f => f.DataVersion != version).ExecuteDeleteAsync(cancellationToken);
}
