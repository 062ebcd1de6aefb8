using Clientele.Platform.Retention;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Persons;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Visitors.Privacy;

/// <summary>
/// The platform's retention job deletes, per organization, the face vectors, images and match decisions of persons not seen
/// for the organization's retention days; persons and visits stay for the counts. The gallery version is raised so every
/// instance reloads the smaller gallery.
/// </summary>
public sealed class BiometricSweep(VisitorsDbContext db, Galleries galleries, Images images) : IRetentionSweep
{
    public string Name => "visitor_vectors";

    public async Task<int> SweepAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var settings in await db.Settings.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken))
        {
            var organizationId = settings.OrganizationId;
            var cutoff = now - TimeSpan.FromDays(settings.RetentionDays);
            var expired = await db.Persons.IgnoreQueryFilters()
                .Where(p => p.OrganizationId == organizationId && p.LastSeen < cutoff)
                .Select(p => p.Id).ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            deleted += await db.Exemplars.IgnoreQueryFilters()
                .Where(x => x.OrganizationId == organizationId && expired.Contains(x.PersonId)).ExecuteDeleteAsync(cancellationToken);
            await db.Sightings.IgnoreQueryFilters()
                .Where(s => s.OrganizationId == organizationId && s.At < cutoff).ExecuteDeleteAsync(cancellationToken);
            await db.Persons.IgnoreQueryFilters().Where(p => p.OrganizationId == organizationId && expired.Contains(p.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Image, (string?)null), cancellationToken);
            await db.Settings.IgnoreQueryFilters().Where(s => s.Id == settings.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.GalleryVersion, s => s.GalleryVersion + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var personId in expired)
            {
                images.Delete(organizationId, personId);
            }
            galleries.Invalidate(organizationId);
        }
        return deleted;
    }
}
