using System.Security.Cryptography;
using System.Text;
using Clientele.Platform.Events.Webhooks;

namespace Clientele.Platform.Tests.Events;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_hex_hmac_sha256_of_timestamp_dot_body()
    {
        const string secret = "whsec_test";
        const string body = """{"event":"job.failed","event_id":"1"}""";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("1700000000." + body)));

        Assert.Equal("sha256=" + expected, WebhookSignature.Sign(secret, 1700000000, body));
        Assert.True(WebhookSignature.Verify(secret, "1700000000", body, "sha256=" + expected));
    }

    [Fact]
    public void A_changed_body_timestamp_or_secret_does_not_verify()
    {
        var signature = WebhookSignature.Sign("s1", 100, "{}");

        Assert.False(WebhookSignature.Verify("s1", "100", "{ }", signature));
        Assert.False(WebhookSignature.Verify("s1", "101", "{}", signature));
        Assert.False(WebhookSignature.Verify("s2", "100", "{}", signature));
        Assert.False(WebhookSignature.Verify("s1", "not-a-number", "{}", signature));
    }

    [Fact]
    public async Task A_request_carries_every_header_and_the_body_it_signs()
    {
        var eventId = Guid.NewGuid();
        var deliveryId = Guid.NewGuid();
        using var request = WebhookSignature.Request(new Uri("https://example.com/hook"), "secret", """{"a":1}""", "job.failed", eventId, deliveryId);

        var body = await request.Content!.ReadAsStringAsync();
        var timestamp = request.Headers.GetValues(WebhookSignature.TimestampHeader).Single();

        Assert.Equal("""{"a":1}""", body);
        Assert.Equal("job.failed", request.Headers.GetValues(WebhookSignature.EventHeader).Single());
        Assert.Equal(eventId.ToString(), request.Headers.GetValues(WebhookSignature.EventIdHeader).Single());
        Assert.Equal(deliveryId.ToString(), request.Headers.GetValues(WebhookSignature.DeliveryHeader).Single());
        Assert.True(WebhookSignature.Verify("secret", timestamp, body, request.Headers.GetValues(WebhookSignature.SignatureHeader).Single()));
        Assert.Equal("application/json", request.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Secrets_are_random_and_prefixed()
    {
        var one = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", one, StringComparison.Ordinal);
        Assert.Equal(6 + 64, one.Length);
        Assert.NotEqual(one, WebhookSignature.NewSecret());
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData(" abc\n", "abc", true)]
    [InlineData("""{"challenge":"abc"}""", "abc", true)]
    [InlineData("""{"challenge":"abd"}""", "abc", false)]
    [InlineData("""{"ok":true}""", "abc", false)]
    [InlineData("", "abc", false)]
    [InlineData("<html>abc</html>", "abc", false)]
    public void Verification_accepts_the_challenge_as_json_or_plain_text(string answer, string challenge, bool accepted) =>
        Assert.Equal(accepted, WebhookVerifier.Echoes(answer, challenge));
}
