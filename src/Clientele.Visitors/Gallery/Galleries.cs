using System.Collections.Concurrent;
using System.Security.Cryptography;
using Clientele.Visitors.Data;
using Clientele.Visitors.Recognition;
using Clientele.Visitors.Settings;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Gallery;

/// <summary>
/// Each organization's re-identification engine, built from the stored exemplars when first needed and kept current by
/// the writes that go through <see cref="WriteAsync{T}"/>. Writes of one organization are serialised on this instance; the
/// organization's <see cref="VisitorSettings.GalleryVersion"/> (a concurrency token raised by every write) tells an instance
/// that another one wrote, and then it reloads. A failed write drops the engine, since its memory may be ahead of the database.
/// </summary>
public sealed class Galleries : IDisposable
{
    private const int Attempts = 3;
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    /// <summary>Runs <paramref name="work"/> against the organization's current engine, saves its changes and raises the gallery version.</summary>
    public async Task<T> WriteAsync<T>(VisitorsDbContext db, Func<Reidentifier, VisitorSettings, Task<T>> work, CancellationToken cancellationToken)
    {
        var entry = entries.GetOrAdd(db.CurrentOrganizationId, _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var settings = await SettingsAsync(db, cancellationToken);
                    if (entry.Engine is null || entry.Version != settings.GalleryVersion)
                    {
                        entry.Reset(await LoadAsync(db, settings, cancellationToken), settings.GalleryVersion);
                    }
                    // Work may run bulk updates before the save; one transaction keeps them from outliving a failed save.
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var result = await work(entry.Engine!, settings);
                    settings.GalleryVersion++;
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    entry.Version = settings.GalleryVersion;
                    return result;
                }
                catch (DbUpdateConcurrencyException) when (attempt < Attempts)
                {
                    entry.Reset(null, -1);
                    db.ChangeTracker.Clear();
                }
                catch
                {
                    entry.Reset(null, -1);
                    throw;
                }
            }
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Drops the organization's engine so the next write rebuilds it (after changes made outside <see cref="WriteAsync{T}"/>).</summary>
    public void Invalidate(Guid organizationId)
    {
        if (entries.TryGetValue(organizationId, out var entry))
        {
            entry.Reset(null, -1);
        }
    }

    /// <summary>The organization's settings, created with a fresh private key on first use.</summary>
    public static async Task<VisitorSettings> SettingsAsync(VisitorsDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new VisitorSettings { Id = Guid.NewGuid(), PrivateKey = NewPrivateKey() };
            db.Settings.Add(settings);
            await db.SaveChangesAsync(cancellationToken);
        }
        return settings;
    }

    /// <summary>25 characters from [A-Za-z0-9] drawn with a cryptographic generator, as the original's key.</summary>
    public static string NewPrivateKey() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", VisitorSettings.PrivateKeyLength);

    private static async Task<Reidentifier> LoadAsync(VisitorsDbContext db, VisitorSettings settings, CancellationToken cancellationToken)
    {
        if (settings.BiometricMode == BiometricMode.SessionOnly)
        {
            return new Reidentifier(settings.Profile(), sessionOnly: true);
        }
        var persons = await db.Persons.AsNoTracking()
            .Select(p => new { p.Id, p.Status, p.FirstSeen, p.LastSeen, p.ConfidentVisits })
            .ToListAsync(cancellationToken);
        var exemplars = (await db.Exemplars.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(x => x.PersonId);
        var records = persons.Select(p => new PersonRecord(p.Id, p.Status, p.FirstSeen, p.LastSeen, p.ConfidentVisits,
            [.. exemplars[p.Id].OrderBy(x => x.AddedAt).Select(x => new ExemplarRecord(x.Id, VectorBytes.ToVector(x.Vector), x.AddedAt, x.VisitId))]));
        return new Reidentifier(settings.Profile(), records);
    }

    public void Dispose()
    {
        foreach (var entry in entries.Values)
        {
            entry.Reset(null, -1);
            entry.Gate.Dispose();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Reidentifier? Engine { get; private set; }

        public long Version { get; set; } = -1;

        public void Reset(Reidentifier? engine, long version)
        {
            Engine?.Dispose();
            Engine = engine;
            Version = version;
        }
    }
}
