using System.Collections.Concurrent;
using System.Security.Cryptography;
using Clientele.Churn.Data;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Clientele.Churn.Auth;

/// <summary>
/// One HMAC-SHA256 key per organization, made at its first login and stored protected by the shared key ring, so every instance
/// signs and checks the same tokens and a token of one organization can never pass for another's (the key id is the organization).
/// </summary>
public sealed class SigningKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("Clientele.Churn.SigningKey.v1");
    private readonly ConcurrentDictionary<Guid, SymmetricSecurityKey> keys = new();

    public async Task<SymmetricSecurityKey> ForAsync(ChurnDbContext db, CancellationToken cancellationToken)
    {
        var organization = db.CurrentOrganizationId;
        if (keys.TryGetValue(organization, out var key))
        {
            return key;
        }
        var stored = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            stored = new SigningKey { ProtectedSecret = protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), CreatedAt = time.GetUtcNow() };
            db.SigningKeys.Add(stored);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance made it first; theirs is the key.
                db.ChangeTracker.Clear();
                stored = await db.SigningKeys.AsNoTracking().FirstAsync(cancellationToken);
            }
        }
        return keys.GetOrAdd(organization, Of(organization, stored));
    }

    /// <summary>The key a token names, for the validator (which cannot wait): from memory, else read once from the database.</summary>
    public SecurityKey? Find(string? keyId)
    {
        if (!Guid.TryParse(keyId, out var organization))
        {
            return null;
        }
        if (keys.TryGetValue(organization, out var key))
        {
            return key;
        }
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        var stored = scope.ServiceProvider.GetRequiredService<ChurnDbContext>().SigningKeys.AsNoTracking().FirstOrDefault();
        return stored is null ? null : keys.GetOrAdd(organization, Of(organization, stored));
    }

    private SymmetricSecurityKey Of(Guid organization, SigningKey stored) =>
        new(Convert.FromBase64String(protector.Unprotect(stored.ProtectedSecret))) { KeyId = organization.ToString() };
}
