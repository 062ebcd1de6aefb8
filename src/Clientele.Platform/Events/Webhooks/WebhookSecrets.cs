using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>
/// Signing secrets are stored protected by Data Protection (the key ring every instance shares), never as written;
/// a row from before protection (<c>whsec_…</c> as is) is read as it is and protected at the next start.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Clientele.Events.WebhookSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Reveal(string stored)
    {
        if (IsPlain(stored))
        {
            return stored;
        }
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException("A webhook secret cannot be read with this instance's Data Protection keys; share the key ring (docs/operations.md).", exception);
        }
    }

    internal static bool IsPlain(string stored) => stored.StartsWith(WebhookSignature.SecretPrefix, StringComparison.Ordinal);
}

/// <summary>Protects secrets stored before protection existed, once, at start-up.</summary>
internal sealed class WebhookSecretUpgrade(IServiceScopeFactory scopes, WebhookSecrets secrets) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var plain = await db.WebhookSubscriptions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Secret.StartsWith(WebhookSignature.SecretPrefix)).Select(s => new { s.Id, s.Secret }).ToListAsync(cancellationToken);
        foreach (var row in plain)
        {
            var protectedSecret = secrets.Protect(row.Secret);
            await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == row.Id && s.Secret == row.Secret)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Secret, protectedSecret), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
