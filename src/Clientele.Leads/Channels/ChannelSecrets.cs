using Clientele.Platform.Tenancy;

namespace Clientele.Leads.Channels;

/// <summary>
/// An organization's own webhook secrets. The Telegram secret token and the WhatsApp verify token are kept as SHA-256 hashes
/// (only compared); the WhatsApp app secret and the outbound tokens (the bot token replies are sent with, the WhatsApp access
/// token) are used as they are, so they are kept protected by Data Protection. None is ever answered in clear.
/// </summary>
public sealed class ChannelSecrets : IOrganizationOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganizationId { get; set; }
    public string? TelegramSecretTokenHash { get; set; }
    public string? WhatsAppAppSecret { get; set; }
    public string? WhatsAppVerifyTokenHash { get; set; }
    public string? TelegramBotToken { get; set; }
    public string? WhatsAppAccessToken { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
