using System.Security.Cryptography;
using System.Text;
using Clientele.Leads.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Channels;

/// <summary>
/// The secrets a webhook of a campaign is checked with: its organization's own when it set them, otherwise the server-wide
/// <c>Clientele:Leads</c> ones (a fallback for a single-organization deployment). Once an organization set its own, the
/// server-wide ones no longer open its webhooks, so one organization's secret never opens another's.
/// </summary>
public sealed class ChannelKeys(LeadsDbContext db, IOptionsMonitor<LeadsOptions> options, IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Clientele.Leads.ChannelSecret.v1");

    /// <summary>What a campaign's webhook is checked with; <see cref="CampaignKnown"/> false for an id no organization has.</summary>
    public sealed record Keys(bool CampaignKnown, string? TelegramSecretTokenHash, string? WhatsAppAppSecret, string? WhatsAppVerifyTokenHash);

    public string Protect(string secret) => _protector.Protect(secret);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string sent, string? expectedHash) =>
        expectedHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Hash(sent)), Encoding.UTF8.GetBytes(expectedHash));

    public async Task<Keys> ForCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var server = options.CurrentValue;
        var organization = await db.Campaigns.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => (Guid?)c.OrganizationId).FirstOrDefaultAsync(cancellationToken);
        var own = organization is { } id
            ? await db.ChannelSecrets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.OrganizationId == id, cancellationToken)
            : null;
        return new Keys(
            organization is not null,
            own?.TelegramSecretTokenHash ?? HashOrNull(server.Telegram.SecretToken),
            own?.WhatsAppAppSecret is { } sealedSecret ? _protector.Unprotect(sealedSecret) : NullIfEmpty(server.WhatsApp.AppSecret),
            own?.WhatsAppVerifyTokenHash ?? HashOrNull(server.WhatsApp.VerifyToken));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? HashOrNull(string? value) => NullIfEmpty(value) is { } secret ? Hash(secret) : null;
}
