using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Clientele.Leads.Data;
using Clientele.Leads.Shared;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Leads.Channels;

/// <summary>
/// The organization's own webhook secrets and outbound tokens (its own bot and Meta app): set (a field left out or null is kept, <c>""</c> removes it and the server-wide
/// one applies again), and read back only as whether each is set.
/// </summary>
public static partial class ChannelSecretEndpoints
{
    public sealed record SecretsInput(
        string? TelegramSecretToken = null,
        [property: JsonPropertyName("whatsapp_app_secret")] string? WhatsAppAppSecret = null,
        [property: JsonPropertyName("whatsapp_verify_token")] string? WhatsAppVerifyToken = null,
        string? TelegramBotToken = null,
        [property: JsonPropertyName("whatsapp_access_token")] string? WhatsAppAccessToken = null);

    public sealed record SecretsView(
        bool TelegramSecretTokenSet,
        [property: JsonPropertyName("whatsapp_app_secret_set")] bool WhatsAppAppSecretSet,
        [property: JsonPropertyName("whatsapp_verify_token_set")] bool WhatsAppVerifyTokenSet,
        bool TelegramBotTokenSet,
        [property: JsonPropertyName("whatsapp_access_token_set")] bool WhatsAppAccessTokenSet,
        DateTime? UpdatedAt)
    {
        public static SecretsView Of(ChannelSecrets? secrets) => new(secrets?.TelegramSecretTokenHash is not null, secrets?.WhatsAppAppSecret is not null,
            secrets?.WhatsAppVerifyTokenHash is not null, secrets?.TelegramBotToken is not null, secrets?.WhatsAppAccessToken is not null,
            secrets?.UpdatedAt.UtcDateTime);
    }

    public static void Map(RouteGroupBuilder leads)
    {
        var secrets = leads.MapGroup("/api/channels/secrets").WithTags("Channels");
        secrets.MapGet("/", GetAsync).WithName("GetChannelSecrets").WithSummary("Whether the organization set its own webhook secrets (never their values).")
            .RequireWriteAccess(LeadsModule.Name);
        secrets.MapPut("/", PutAsync).WithName("SetChannelSecrets")
            .WithSummary("Sets the organization's Telegram secret token and bot token, WhatsApp app secret, verify token and access token; \"\" removes one.")
            .RequireWriteAccess(LeadsModule.Name);
    }

    // Telegram's rule for setWebhook's secret_token; Meta's secrets and tokens are printable ASCII.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TelegramToken();

    [GeneratedRegex("^[!-~]{1,256}$")]
    private static partial Regex PrintableToken();

    // BotFather's form: the bot's numeric id, a colon, then the secret part.
    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex TelegramBotToken();

    [GeneratedRegex("^[!-~]{1,1024}$")]
    private static partial Regex AccessToken();

    public static async Task<IResult> GetAsync(LeadsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(SecretsView.Of(await db.ChannelSecrets.AsNoTracking().FirstOrDefaultAsync(cancellationToken)));

    public static async Task<IResult> PutAsync(SecretsInput request, LeadsDbContext db, ChannelKeys keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var checks = new Checks();
        Check(checks, "telegram_secret_token", request.TelegramSecretToken, TelegramToken(), "1–256 characters A–Z, a–z, 0–9, _ and - (Telegram's rule)");
        Check(checks, "whatsapp_app_secret", request.WhatsAppAppSecret, PrintableToken(), "1–256 printable ASCII characters without spaces");
        Check(checks, "whatsapp_verify_token", request.WhatsAppVerifyToken, PrintableToken(), "1–256 printable ASCII characters without spaces");
        Check(checks, "telegram_bot_token", request.TelegramBotToken, TelegramBotToken(), "a bot token as BotFather gives it: digits, ':', then A–Z, a–z, 0–9, _ and -");
        Check(checks, "whatsapp_access_token", request.WhatsAppAccessToken, AccessToken(), "1–1024 printable ASCII characters without spaces");
        if (!checks.Ok)
        {
            return checks.Invalid();
        }
        var secrets = await db.ChannelSecrets.FirstOrDefaultAsync(cancellationToken);
        if (secrets is null)
        {
            secrets = new ChannelSecrets();
            db.ChannelSecrets.Add(secrets);
        }
        secrets.TelegramSecretTokenHash = Next(request.TelegramSecretToken, secrets.TelegramSecretTokenHash, ChannelKeys.Hash);
        secrets.WhatsAppAppSecret = Next(request.WhatsAppAppSecret, secrets.WhatsAppAppSecret, keys.Protect);
        secrets.WhatsAppVerifyTokenHash = Next(request.WhatsAppVerifyToken, secrets.WhatsAppVerifyTokenHash, ChannelKeys.Hash);
        secrets.TelegramBotToken = Next(request.TelegramBotToken, secrets.TelegramBotToken, keys.Protect);
        secrets.WhatsAppAccessToken = Next(request.WhatsAppAccessToken, secrets.WhatsAppAccessToken, keys.Protect);
        secrets.UpdatedAt = Instants.Now(time);
        var view = SecretsView.Of(secrets);
        LeadsEvents.Publish(db, "channel_secrets.updated", new { secrets = view });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    private static void Check(Checks checks, string field, string? value, Regex rule, string message)
    {
        if (value is { Length: > 0 } && !rule.IsMatch(value))
        {
            checks.Add(field, $"{field} must be {message}", "string_pattern_mismatch");
        }
    }

    private static string? Next(string? sent, string? stored, Func<string, string> keep) => sent switch
    {
        null => stored,
        "" => null,
        _ => keep(sent),
    };
}
