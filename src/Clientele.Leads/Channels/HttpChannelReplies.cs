using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Leads.Channels;

/// <summary>Telegram Bot API <c>sendMessage</c> and WhatsApp Cloud API <c>/{phone_number_id}/messages</c>, at the configured API bases.</summary>
public sealed class HttpChannelReplies(HttpClient http, IOptionsMonitor<LeadsOptions> options, ILogger<HttpChannelReplies> logger) : IChannelReplies
{
    public async Task<bool> SendAsync(ChannelReply reply, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        HttpRequestMessage? request = reply.Platform switch
        {
            "telegram" when settings.Telegram.BotToken is { Length: > 0 } token => new HttpRequestMessage(HttpMethod.Post,
                $"{settings.Telegram.ApiBase.TrimEnd('/')}/bot{token}/sendMessage")
            {
                Content = JsonContent.Create(new Dictionary<string, object> { ["chat_id"] = reply.Recipient, ["text"] = reply.Text }),
            },
            "whatsapp" when settings.WhatsApp.AccessToken is { Length: > 0 } token
                && (reply.BusinessNumberId ?? settings.WhatsApp.PhoneNumberId) is { Length: > 0 } number => new HttpRequestMessage(HttpMethod.Post,
                $"{settings.WhatsApp.ApiBase.TrimEnd('/')}/{number}/messages")
            {
                Headers = { Authorization = new("Bearer", token) },
                Content = JsonContent.Create(new Dictionary<string, object>
                {
                    ["messaging_product"] = "whatsapp", ["recipient_type"] = "individual", ["to"] = reply.Recipient, ["type"] = "text",
                    ["text"] = new Dictionary<string, object> { ["preview_url"] = false, ["body"] = reply.Text },
                }),
            },
            _ => null,
        };
        if (request is null)
        {
            return false;
        }
        try
        {
            using (request)
            using (var response = await http.SendAsync(request, cancellationToken))
            {
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("The {Platform} reply to {Recipient} was refused: {Status}", reply.Platform, reply.Recipient, (int)response.StatusCode);
                }
                return response.IsSuccessStatusCode;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(exception, "The {Platform} reply to {Recipient} could not be sent", reply.Platform, reply.Recipient);
            return false;
        }
    }
}
