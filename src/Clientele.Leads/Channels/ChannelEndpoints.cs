using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clientele.Leads.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Clientele.Leads.Channels;

/// <summary>
/// Inbound webhooks, one URL per campaign (the lead is attributed to it): Telegram Bot API updates, checked by the
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header; WhatsApp Cloud API notifications, checked by <c>X-Hub-Signature-256</c>
/// (HMAC-SHA256 of the raw body with the app secret), plus the GET verify handshake. No API key: the platforms cannot send one.
/// </summary>
public static class ChannelEndpoints
{
    public const string TelegramSecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    public const string WhatsAppSignatureHeader = "X-Hub-Signature-256";
    public const int MaxBodyBytes = 1 << 20;

    public static void Map(RouteGroupBuilder leads)
    {
        var channels = leads.MapGroup("/api/channels").WithTags("Channels").AllowAnonymous();
        channels.MapPost("/telegram/{campaign_id}", TelegramAsync).WithName("TelegramWebhook").WithSummary("A Telegram Bot API update for the campaign's bot.");
        channels.MapGet("/whatsapp/{campaign_id}", WhatsAppVerifyAsync).WithName("WhatsAppVerify").WithSummary("WhatsApp's subscription handshake (hub.challenge).");
        channels.MapPost("/whatsapp/{campaign_id}", WhatsAppAsync).WithName("WhatsAppWebhook").WithSummary("A WhatsApp Cloud API message notification.");
    }

    private static IResult Forbidden(string message) => TypedResults.Json(new Detail(message), statusCode: StatusCodes.Status403Forbidden);

    public static async Task<IResult> TelegramAsync([FromRoute(Name = "campaign_id")] string campaignId, HttpRequest request,
        ChannelKeys keys, InboundMessages inbound, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        var campaign = await keys.ForCampaignAsync(id, cancellationToken);
        if (!ChannelKeys.Matches(request.Headers[TelegramSecretHeader].ToString(), campaign.TelegramSecretTokenHash))
        {
            return Forbidden("Invalid or missing secret token");
        }
        if (!campaign.CampaignKnown)
        {
            return Refusals.NotFound("Campaign");
        }
        if (await ReadAsync(request, cancellationToken) is not { } body)
        {
            return Refusals.BadRequest("The body is not a JSON Telegram update");
        }
        if (!TelegramUpdates.TryRead(body, out var messages))
        {
            return Refusals.BadRequest("The body is not a JSON Telegram update");
        }
        return await inbound.AcceptAsync(id, messages, cancellationToken) == InboundMessages.Outcome.UnknownCampaign
            ? Refusals.NotFound("Campaign")
            : TypedResults.Ok(new { ok = true });
    }

    public static async Task<IResult> WhatsAppVerifyAsync([FromRoute(Name = "campaign_id")] string campaignId, [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? token, [FromQuery(Name = "hub.challenge")] string? challenge, ChannelKeys keys,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Forbidden("Verification failed");
        }
        var campaign = await keys.ForCampaignAsync(id, cancellationToken);
        return mode == "subscribe" && token is not null && ChannelKeys.Matches(token, campaign.WhatsAppVerifyTokenHash) && challenge is { Length: > 0 and <= 200 }
            ? TypedResults.Text(challenge, "text/plain")
            : Forbidden("Verification failed");
    }

    public static async Task<IResult> WhatsAppAsync([FromRoute(Name = "campaign_id")] string campaignId, HttpRequest request,
        ChannelKeys keys, InboundMessages inbound, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(campaignId, out var id))
        {
            return Refusals.NotAnId("campaign_id");
        }
        var campaign = await keys.ForCampaignAsync(id, cancellationToken);
        if (campaign.WhatsAppAppSecret is not { } appSecret)
        {
            return Forbidden("Invalid signature");
        }
        if (await ReadAsync(request, cancellationToken) is not { } body)
        {
            return Refusals.BadRequest("The body is not a WhatsApp notification");
        }
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
        if (!SameSecret(request.Headers[WhatsAppSignatureHeader].ToString(), expected))
        {
            return Forbidden("Invalid signature");
        }
        if (!campaign.CampaignKnown)
        {
            return Refusals.NotFound("Campaign");
        }
        if (!WhatsAppNotifications.TryRead(body, out var messages))
        {
            return Refusals.BadRequest("The body is not a WhatsApp notification");
        }
        return await inbound.AcceptAsync(id, messages, cancellationToken) == InboundMessages.Outcome.UnknownCampaign
            ? Refusals.NotFound("Campaign")
            : TypedResults.Ok(new { ok = true });
    }

    private static bool SameSecret(string sent, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected));

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    internal static JsonElement? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
