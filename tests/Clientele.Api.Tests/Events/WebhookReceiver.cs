using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clientele.Api.Tests.Events;

/// <summary>
/// A real HTTP receiver (Kestrel on a loopback port) that can be stopped (nothing listens), started again on the same port,
/// or told to answer an error status. It answers verification challenges unless told not to, and records every request.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePort();
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>0 answers 200; anything else is the status every event (not verification) gets.</summary>
    public int FailWith { get; set; }

    public bool EchoChallenge { get; set; } = true;

    public IEnumerable<ReceivedRequest> Events => Requests.Where(r => r.EventType != "webhook.verification");

    public IEnumerable<ReceivedRequest> Accepted => Events.Where(r => r.AnsweredWith == 200);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            using var json = JsonDocument.Parse(body);
            var type = json.RootElement.GetProperty("event").GetString()!;
            if (type == "webhook.verification")
            {
                Requests.Enqueue(new ReceivedRequest(type, body, headers, 200));
                return EchoChallenge
                    ? Results.Json(new { challenge = json.RootElement.GetProperty("challenge").GetString() })
                    : Results.Text("ok");
            }
            var status = FailWith == 0 ? 200 : FailWith;
            Requests.Enqueue(new ReceivedRequest(type, body, headers, status));
            return status == 200 ? Results.Text("thanks") : Results.Text("receiver is down for maintenance", statusCode: status);
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record ReceivedRequest(string EventType, string Body, IReadOnlyDictionary<string, string> Headers, int AnsweredWith)
{
    public string EventId => JsonDocument.Parse(Body).RootElement.GetProperty("event_id").GetString()!;
}
