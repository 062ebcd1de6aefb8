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

    /// <summary>
    /// What the current organization's replies on <paramref name="platform"/> go out with: its own token, else the server-wide
    /// one; for WhatsApp also the business number (the one the lead wrote to, else the configured one). Null with the reason
    /// when something is missing.
    /// </summary>
    public async Task<(string? Token, string? BusinessNumberId, string? Missing)> OutboundAsync(string platform, string? businessNumberId,
        CancellationToken cancellationToken)
    {
        var server = options.CurrentValue;
        var own = await db.ChannelSecrets.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (platform == "telegram")
        {
            var token = own?.TelegramBotToken is { } sealedToken ? _protector.Unprotect(sealedToken) : NullIfEmpty(server.Telegram.BotToken);
            return token is null
                ? (null, null, "No Telegram bot token: set telegram_bot_token with PUT /leads/api/channels/secrets (or Clientele:Leads:Telegram:BotToken)")
                : (token, null, null);
        }
        var access = own?.WhatsAppAccessToken is { } sealedAccess ? _protector.Unprotect(sealedAccess) : NullIfEmpty(server.WhatsApp.AccessToken);
        var number = NullIfEmpty(businessNumberId) ?? NullIfEmpty(server.WhatsApp.PhoneNumberId);
        return (access, number) switch
        {
            (null, _) => (null, null, "No WhatsApp access token: set whatsapp_access_token with PUT /leads/api/channels/secrets (or Clientele:Leads:WhatsApp:AccessToken)"),
            (_, null) => (null, null, "No WhatsApp business number to send from: the lead did not write through the webhook and Clientele:Leads:WhatsApp:PhoneNumberId is empty"),
            _ => (access, number, null),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? HashOrNull(string? value) => NullIfEmpty(value) is { } secret ? Hash(secret) : null;
}
