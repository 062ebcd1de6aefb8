using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>
/// <c>X-Clientele-Signature: sha256=&lt;hex HMAC-SHA256(secret, "{X-Clientele-Timestamp}.{body}")&gt;</c>; the timestamp
/// (Unix seconds) is signed so a captured request cannot be replayed later with a fresh one.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Clientele-Signature";
    public const string TimestampHeader = "X-Clientele-Timestamp";
    public const string EventHeader = "X-Clientele-Event";
    public const string EventIdHeader = "X-Clientele-Event-Id";
    public const string DeliveryHeader = "X-Clientele-Delivery";

    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string timestampHeader, string body, string signatureHeader) =>
        long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signatureHeader));

    /// <summary>A signed POST of <paramref name="body"/> with the Clientele headers.</summary>
    public static HttpRequestMessage Request(Uri url, string secret, string body, string eventType, Guid eventId, Guid? deliveryId)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(EventHeader, eventType);
        request.Headers.Add(EventIdHeader, eventId.ToString());
        if (deliveryId is { } id)
        {
            request.Headers.Add(DeliveryHeader, id.ToString());
        }
        request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Clientele-Webhooks/1.0");
        return request;
    }
}
