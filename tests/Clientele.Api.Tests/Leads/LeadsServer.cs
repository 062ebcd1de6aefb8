using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Api.Tests.Events;
using Clientele.Api.Tests.Support;
using Clientele.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clientele.Api.Tests.Leads;

/// <summary>
/// The real server with quick event dispatch and job retries, and both channels configured, their replies going to a loopback
/// <see cref="PlatformApi"/>. Replies get many quick attempts, so a receiver that is down for a while is still waited for.
/// </summary>
public sealed class LeadsServer : ClienteleFactory
{
    public const string TelegramSecret = "tg-secret-123";
    public const string WhatsAppSecret = "wa-app-secret";
    public const string VerifyToken = "wa-verify";

    public PlatformApi Platforms { get; } = new();

    public LeadsServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Events:PollSeconds"] = "0.05";
        Settings["Clientele:Leads:Telegram:SecretToken"] = TelegramSecret;
        Settings["Clientele:Leads:Telegram:BotToken"] = "123:ABC";
        Settings["Clientele:Leads:Telegram:ApiBase"] = Platforms.Url;
        Settings["Clientele:Leads:WhatsApp:AppSecret"] = WhatsAppSecret;
        Settings["Clientele:Leads:WhatsApp:VerifyToken"] = VerifyToken;
        Settings["Clientele:Leads:WhatsApp:AccessToken"] = "wa-token";
        Settings["Clientele:Leads:WhatsApp:ApiBase"] = Platforms.Url;
        Settings["Clientele:Leads:DuplicateWindowDays"] = "30";
        Settings["Clientele:Leads:ReplyAttempts"] = "40";
        Settings["Clientele:Jobs:PollSeconds"] = "0.05";
        Settings["Clientele:Jobs:RetryBaseSeconds"] = "0.1";
        Settings["Clientele:Jobs:RetryMaxSeconds"] = "1";
    }

    public override async Task InitializeAsync()
    {
        await Platforms.StartAsync();
        await base.InitializeAsync();
    }
}

/// <summary>
/// Telegram's and WhatsApp's send APIs on a loopback port: records every request and answers 200, except to a recipient in
/// <see cref="UnknownRecipients"/> (400, as Telegram answers for a chat it does not know). It can be stopped (nothing
/// listens) and started again on the same port.
/// </summary>
public sealed class PlatformApi : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = WebhookReceiver.FreePort();
    public string Url => $"http://127.0.0.1:{Port}";
    public ConcurrentQueue<(string Path, JsonElement Body, string? Authorization)> Requests { get; } = new();
    public ConcurrentDictionary<string, bool> UnknownRecipients { get; } = new();

    /// <summary>The requests that reached <paramref name="recipient"/> (a Telegram chat id or a WhatsApp number) and were accepted.</summary>
    public List<(string Path, JsonElement Body, string? Authorization)> To(string recipient) =>
        Requests.Where(r => Recipient(r.Body) == recipient && !UnknownRecipients.ContainsKey(recipient)).ToList();

    private static string? Recipient(JsonElement body) =>
        body.TryGetProperty("chat_id", out var chat) ? chat.GetString() : body.TryGetProperty("to", out var to) ? to.GetString() : null;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            Requests.Enqueue((context.Request.Path.Value!, body.RootElement.Clone(), context.Request.Headers.Authorization.ToString()));
            return Recipient(body.RootElement) is { } recipient && UnknownRecipients.ContainsKey(recipient)
                ? Results.Json(new { ok = false, error_code = 400, description = "Bad Request: chat not found" }, statusCode: 400)
                : Results.Json(new { ok = true });
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>Rows made through the API as a client of the seed would.</summary>
public static class LeadsRows
{
    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"/leads/api/{path}") { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static Task<JsonElement> PostAsync(HttpClient client, string path, object body) => SendAsync(client, HttpMethod.Post, path, body);

    public static Task<JsonElement> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    /// <summary>The organization's jobs through the platform's jobs API.</summary>
    public static async Task<List<JsonElement>> JobsAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/platform/api/jobs?limit=500")).RootElement.EnumerateArray().ToList();

    public static string Id(this JsonElement row) => row.GetProperty("id").GetString()!;

    /// <summary>A niche, a campaign in it and an ad of that campaign.</summary>
    public static async Task<(string Niche, string Campaign, string Ad)> BasicsAsync(HttpClient client, string category = "electronics_repair")
    {
        var niche = await PostAsync(client, "niches", new { name = "Ремонт ноутбуков", category, cpl_target = 500.0, roi_target = 300.0 });
        var campaign = await PostAsync(client, "campaigns", new { niche_id = niche.Id(), name = "OLX Алматы", platform = "olx", budget = 50000.0 });
        var ad = await PostAsync(client, $"campaigns/{campaign.Id()}/ads", new { title = "Ремонт MacBook за 1 день", price = 15000 });
        return (niche.Id(), campaign.Id(), ad.Id());
    }

    public static async Task<JsonElement> LeadAsync(HttpClient client, string? adId = null, string phone = "+7 777 123 4567", string name = "Иван Иванов") =>
        await PostAsync(client, "leads", new { ad_id = adId, name, phone, source = "whatsapp", budget = 15000.0 });

    /// <summary>Everything the organization can list, for "nothing changed" checks.</summary>
    public static async Task<string[]> SnapshotAsync(HttpClient client)
    {
        var leads = await client.GetStringAsync("/leads/api/leads?limit=1000");
        var details = new List<string> { await client.GetStringAsync("/leads/api/niches?limit=1000"), await client.GetStringAsync("/leads/api/campaigns?limit=1000"), leads };
        foreach (var lead in JsonDocument.Parse(leads).RootElement.EnumerateArray())
        {
            details.Add(await client.GetStringAsync($"/leads/api/leads/{lead.Id()}"));
        }
        foreach (var campaign in JsonDocument.Parse(details[1]).RootElement.EnumerateArray())
        {
            details.Add(await client.GetStringAsync($"/leads/api/campaigns/{campaign.Id()}/ads"));
            details.Add(await client.GetStringAsync($"/leads/api/campaigns/{campaign.Id()}/spend"));
        }
        return [.. details];
    }
}
