using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>
/// Proves a URL belongs to a receiver that wants the events: POSTs <c>{"event": "webhook.verification", "challenge": "…"}</c>
/// (signed like every delivery) and requires a 2xx whose body echoes the challenge, as JSON <c>{"challenge": "…"}</c> or as plain text.
/// </summary>
public sealed class WebhookVerifier(IHttpClientFactory http, IOptions<EventsOptions> options)
{
    public const string EventType = "webhook.verification";

    /// <summary>Null when the receiver echoed the challenge, else what went wrong.</summary>
    public async Task<string?> VerifyAsync(Uri url, string secret, CancellationToken cancellationToken)
    {
        if (!options.Value.Webhooks.RequireVerification)
        {
            return null;
        }
        var challenge = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var body = JsonSerializer.Serialize(new { @event = EventType, challenge }, EventJson.Options);
        using var request = WebhookSignature.Request(url, secret, body, EventType, Guid.NewGuid(), null);
        try
        {
            using var response = await http.CreateClient(WebhookHttp.ClientName).SendAsync(request, cancellationToken);
            var text = await ReadLimitedAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return $"URL failed verification: it answered {(int)response.StatusCode}; it must answer 2xx echoing the challenge";
            }
            return Echoes(text, challenge) ? null : "URL failed verification: the answer did not echo the challenge (send back {\"challenge\": \"…\"} or the challenge as plain text)";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"URL failed verification: {WebhookDeliveryWorker.Describe(exception)}";
        }
    }

    internal static bool Echoes(string text, string challenge)
    {
        if (text.Trim() == challenge)
        {
            return true;
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("challenge", out var echoed)
                && echoed.ValueKind == JsonValueKind.String && echoed.GetString() == challenge;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }
}
