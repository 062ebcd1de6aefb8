using System.Collections.Concurrent;
using Clientele.Churn.Data;
using Clientele.Churn.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Churn.Models;

/// <summary>
/// Loaded models, shared by every request of the process: a model is read from the database once per version and kept, so a
/// score costs one small query (which version is active) and the model's own time. A promotion or rollback on another instance
/// is seen at the next call, because the active version is always asked of the database.
/// </summary>
public sealed class ActiveModels
{
    private const int Kept = 16;
    private readonly ConcurrentDictionary<(Guid Organization, string Version), ChurnModel> loaded = new();

    public sealed record Served(string Version, ChurnModel Model);

    public async Task<Served?> ActiveAsync(ChurnDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.ModelVersions.AsNoTracking().Where(m => m.IsActive).Select(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : await VersionAsync(db, version, cancellationToken);
    }

    public async Task<Served?> VersionAsync(ChurnDbContext db, string version, CancellationToken cancellationToken)
    {
        var key = (db.CurrentOrganizationId, version);
        if (loaded.TryGetValue(key, out var model))
        {
            return new(version, model);
        }
        var bytes = await db.ModelVersions.AsNoTracking().Where(m => m.Version == version).Select(m => m.Model).FirstOrDefaultAsync(cancellationToken);
        if (bytes is null)
        {
            return null;
        }
        if (loaded.Count >= Kept)
        {
            loaded.Clear();
        }
        model = loaded.GetOrAdd(key, _ => ChurnModel.Load(bytes));
        return new(version, model);
    }
}
