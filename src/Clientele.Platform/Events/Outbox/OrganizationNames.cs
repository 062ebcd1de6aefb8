using System.Collections.Concurrent;
using Clientele.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Events.Outbox;

/// <summary>Organization names for event envelopes, cached for a minute (they rarely change; the id is the reference).</summary>
public sealed class OrganizationNames(IServiceScopeFactory scopes)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, (string? Name, DateTimeOffset ReadAt)> _cache = new();

    public async Task<string?> GetAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(organizationId, out var cached) && DateTimeOffset.UtcNow - cached.ReadAt < Freshness)
        {
            return cached.Name;
        }
        using var scope = scopes.CreateScope();
        var name = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        _cache[organizationId] = (name, DateTimeOffset.UtcNow);
        return name;
    }
}
