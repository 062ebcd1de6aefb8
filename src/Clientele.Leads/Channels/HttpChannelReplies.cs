using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Channels;

/// <summary>
/// Telegram Bot API <c>sendMessage</c> and WhatsApp Cloud API <c>/{phone_number_id}/messages</c>, at the configured API bases.
/// A 4xx other than 408 and 429 is the platform refusing this message (unknown chat, bad token): trying again cannot help.
/// </summary>
public sealed class HttpChannelReplies(HttpClient http, IOptionsMonitor<LeadsOptions> options) : IChannelReplies
{
    public async Task<SendOutcome> SendAsync(ChannelReply reply, string token, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var request = reply.Platform switch
        {
            "telegram" => new HttpRequestMessage(HttpMethod.Post, $"{settings.Telegram.ApiBase.TrimEnd('/')}/bot{token}/sendMessage")
            {
                Content = JsonContent.Create(new Dictionary<string, object> { ["chat_id"] = reply.Recipient, ["text"] = reply.Text }),
            },
            "whatsapp" => new HttpRequestMessage(HttpMethod.Post, $"{settings.WhatsApp.ApiBase.TrimEnd('/')}/{reply.BusinessNumberId}/messages")
            {
                Headers = { Authorization = new("Bearer", token) },
                Content = JsonContent.Create(new Dictionary<string, object>
                {
                    ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = reply.Recipient, ["type"] = "text",
                    ["text"] = new Dictionary<string, object> { ["preview_url"] = false, ["body"] = reply.Text },
                }),
            },
            _ => throw new ArgumentException($"No channel sends to '{reply.Platform}'.", nameof(reply)),
        };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return SendOutcome.Success;
            }
            var status = (int)response.StatusCode;
            var said = Said(await response.Content.ReadAsStringAsync(cancellationToken));
            var error = $"{reply.Platform} answered {status} {response.ReasonPhrase}" + (said is null ? "" : $": {said}");
            var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            return new SendOutcome(false, Hide(error, token), permanent);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(false, Hide($"{reply.Platform} could not be reached: {exception.Message}", token));
        }
    }

    /// <summary>Telegram's <c>description</c> or Meta's <c>error.message</c>, else the start of the body.</summary>
    private static string? Said(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                return description.GetString();
            }
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself says it.
        }
        var text = body.Trim();
        return text.Length == 0 ? null : text.Length > 300 ? text[..300] : text;
    }

    private static string Hide(string error, string token) => DeliveryStatuses.Cut(error.Replace(token, "***", StringComparison.Ordinal));
}
