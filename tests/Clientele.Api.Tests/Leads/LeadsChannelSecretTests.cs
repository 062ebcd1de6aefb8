using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Leads;

/// <summary>Each organization's own webhook secrets: set through the API, never answered, used for its campaigns' webhooks only.</summary>
public sealed class LeadsChannelSecretTests(DatabaseServers<LeadsServer> servers) : IClassFixture<DatabaseServers<LeadsServer>>
{
    private readonly LeadsServer server = servers.Current;

    private async Task<HttpStatusCode> TelegramAsync(string campaign, string body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/channels/telegram/{campaign}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return (await server.CreateClient().SendAsync(request)).StatusCode;
    }

    private async Task<HttpStatusCode> WhatsAppAsync(string campaign, string body, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/leads/api/channels/whatsapp/{campaign}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
        return (await server.CreateClient().SendAsync(request)).StatusCode;
    }

    private async Task<HttpStatusCode> VerifyAsync(string campaign, string token) =>
        (await server.CreateClient().GetAsync($"/leads/api/channels/whatsapp/{campaign}?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=42")).StatusCode;

    private static async Task<(HttpClient Client, string Campaign)> OrganizationWithSecretsAsync(LeadsServer server, string slug, string tag)
    {
        var (client, _) = await server.ClientForNewOrganizationAsync(slug, "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var response = await client.PutAsJsonAsync("/leads/api/channels/secrets",
            new { telegram_secret_token = $"tg-{tag}", whatsapp_app_secret = $"wa-app-{tag}", whatsapp_verify_token = $"verify-{tag}" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (client, campaign);
    }

    [DatabaseFact]
    public async Task Secrets_are_set_and_read_back_only_as_set()
    {
        var (client, _) = await server.ClientForNewOrganizationAsync("secrets-read", "leads:write");
        Assert.Equal("""{"telegram_secret_token_set":false,"whatsapp_app_secret_set":false,"whatsapp_verify_token_set":false,"telegram_bot_token_set":false,"whatsapp_access_token_set":false,"updated_at":null}""",
            await client.GetStringAsync("/leads/api/channels/secrets"));

        var put = await client.PutAsJsonAsync("/leads/api/channels/secrets", new { telegram_secret_token = "tg-only-mine", whatsapp_app_secret = "wa-app-only-mine" });
        var text = await put.Content.ReadAsStringAsync();
        var read = await client.GetStringAsync("/leads/api/channels/secrets");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        foreach (var answer in new[] { text, read })
        {
            Assert.DoesNotContain("only-mine", answer, StringComparison.Ordinal);
            Assert.Contains("\"telegram_secret_token_set\":true,\"whatsapp_app_secret_set\":true,\"whatsapp_verify_token_set\":false", answer, StringComparison.Ordinal);
        }
        // "" removes one; a field left out stays.
        await client.PutAsJsonAsync("/leads/api/channels/secrets", new { telegram_secret_token = "" });
        Assert.Contains("\"telegram_secret_token_set\":false,\"whatsapp_app_secret_set\":true", await client.GetStringAsync("/leads/api/channels/secrets"), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task A_webhook_opens_only_with_its_own_organizations_secret()
    {
        var (mine, myCampaign) = await OrganizationWithSecretsAsync(server, "secrets-mine", "mine");
        var (theirs, theirCampaign) = await OrganizationWithSecretsAsync(server, "secrets-theirs", "theirs");
        var update = LeadsChannelTests.TelegramUpdate(Random.Shared.NextInt64(100_000_000, 999_999_999), 1, "Здравствуйте, нужен ремонт ноутбука");
        var notification = LeadsChannelTests.WhatsAppNotification("77011234567", $"wamid.{Guid.NewGuid():N}", "Здравствуйте");

        Assert.Equal(HttpStatusCode.Forbidden, await TelegramAsync(myCampaign, update, "tg-theirs"));
        Assert.Equal(HttpStatusCode.Forbidden, await TelegramAsync(myCampaign, update, LeadsServer.TelegramSecret));
        Assert.Equal(HttpStatusCode.Forbidden, await WhatsAppAsync(myCampaign, notification, "wa-app-theirs"));
        Assert.Equal(HttpStatusCode.Forbidden, await WhatsAppAsync(myCampaign, notification, LeadsServer.WhatsAppSecret));
        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(myCampaign, "verify-theirs"));
        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(myCampaign, LeadsServer.VerifyToken));
        Assert.Equal("[]", await mine.GetStringAsync("/leads/api/leads"));

        Assert.Equal(HttpStatusCode.OK, await TelegramAsync(myCampaign, update, "tg-mine"));
        Assert.Equal(HttpStatusCode.OK, await WhatsAppAsync(myCampaign, notification, "wa-app-mine"));
        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(myCampaign, "verify-mine"));
        Assert.Equal(2, (await LeadsRows.GetAsync(mine, "leads")).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, await TelegramAsync(theirCampaign, update, "tg-theirs"));
        Assert.Equal(1, (await LeadsRows.GetAsync(theirs, "leads")).GetArrayLength());
    }

    [DatabaseFact]
    public async Task Without_its_own_secrets_an_organization_uses_the_server_wide_ones()
    {
        await OrganizationWithSecretsAsync(server, "secrets-other", "other");
        var (client, _) = await server.ClientForNewOrganizationAsync("secrets-none", "leads:write");
        var (_, campaign, _) = await LeadsRows.BasicsAsync(client);
        var update = LeadsChannelTests.TelegramUpdate(Random.Shared.NextInt64(100_000_000, 999_999_999), 1, "Здравствуйте");

        Assert.Equal(HttpStatusCode.Forbidden, await TelegramAsync(campaign, update, "tg-other"));
        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(campaign, "verify-other"));
        Assert.Equal(HttpStatusCode.OK, await TelegramAsync(campaign, update, LeadsServer.TelegramSecret));
        Assert.Equal(HttpStatusCode.OK, await VerifyAsync(campaign, LeadsServer.VerifyToken));
    }

    [DatabaseFact]
    public async Task Bad_secrets_are_422_and_a_read_only_key_cannot_set_or_read_them()
    {
        var (client, organization) = await server.ClientForNewOrganizationAsync("secrets-bad", "leads:write");
        await client.PutAsJsonAsync("/leads/api/channels/secrets", new { telegram_secret_token = "kept-token" });
        var before = await client.GetStringAsync("/leads/api/channels/secrets");
        var cases = new[]
        {
            """{"telegram_secret_token":"has space"}""",
            """{"telegram_secret_token":"точка"}""",
            "{\"telegram_secret_token\":\"" + new string('a', 257) + "\"}",
            """{"whatsapp_app_secret":"tab\tinside"}""",
            """{"whatsapp_verify_token":42}""",
            """{"whatsapp_verify_token":"a\u0000b"}""",
            "[]",
        };
        foreach (var body in cases)
        {
            var response = await client.PutAsync("/leads/api/channels/secrets", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{body}: {(int)response.StatusCode}");
            Assert.True((await response.ReadJsonAsync()).TryGetProperty("detail", out _));
        }
        Assert.Equal(before, await client.GetStringAsync("/leads/api/channels/secrets"));

        var reader = server.WithApiKey(await server.CreateApiKeyAsync(organization, "leads:read"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/leads/api/channels/secrets", new { telegram_secret_token = "mine-now" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/leads/api/channels/secrets")).StatusCode);
        Assert.Equal(before, await client.GetStringAsync("/leads/api/channels/secrets"));
    }
}
