using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Clientele.Testing;

namespace Clientele.Api.Tests.Events;

/// <summary>WebSocket clients of the test server: connect, subscribe (and wait for the acknowledgement), read JSON messages.</summary>
public static class EventSockets
{
    public static async Task<WebSocket> ConnectAsync(ClienteleFactory server, string query = "", Action<Microsoft.AspNetCore.Http.HttpRequest>? configure = null)
    {
        var client = server.Server.CreateWebSocketClient();
        if (configure is not null)
        {
            client.ConfigureRequest = configure;
        }
        return await client.ConnectAsync(new Uri("ws://localhost/platform/ws/events" + query), CancellationToken.None);
    }

    /// <summary>A single-use ticket for the socket, obtained with an API key.</summary>
    public static async Task<string> TicketAsync(ClienteleFactory server, string key)
    {
        var response = await server.WithApiKey(key).PostAsync("/platform/api/events/tickets", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetString()!;
    }

    /// <summary>Connects with a fresh ticket for <paramref name="key"/> (keys never go in the URL).</summary>
    public static async Task<WebSocket> ConnectWithKeyAsync(ClienteleFactory server, string key) =>
        await ConnectAsync(server, $"?ticket={Uri.EscapeDataString(await TicketAsync(server, key))}");

    /// <summary>Sends a subscribe message and waits for its acknowledgement (skipping earlier events), so events published afterwards reach the socket.</summary>
    public static async Task SubscribeAsync(WebSocket socket, params string[] types)
    {
        await SendAsync(socket, JsonSerializer.Serialize(new { subscribe = types }));
        // Until the subscription is in effect the socket carries all of the organization's events (an import's outbox
        // messages may still be on their way), so those can come before the acknowledgement.
        var message = await ReceiveJsonAsync(socket);
        while (!message.TryGetProperty("subscribed", out _))
        {
            Assert.True(message.TryGetProperty("event", out _), $"Expected an event or the acknowledgement, got {message}");
            message = await ReceiveJsonAsync(socket);
        }
        Assert.Equal(types, message.GetProperty("subscribed").EnumerateArray().Select(t => t.GetString()));
    }

    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public static async Task<JsonElement> ReceiveJsonAsync(WebSocket socket)
    {
        var (type, text, _) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(WebSocketMessageType Type, string Text, WebSocketCloseStatus? Status)> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()), result.CloseStatus);
            }
        }
    }
}
