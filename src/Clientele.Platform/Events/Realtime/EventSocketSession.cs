using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Clientele.Platform.Events.Realtime;

/// <summary>
/// One accepted socket: sends the subscriber's queue as text messages and reads the client's optional
/// <c>{"subscribe": ["job.updated", …]}</c>; a client message over the limit closes the socket with 1008 (policy violation).
/// </summary>
public sealed class EventSocketSession(WebSocket socket, EventSubscriber subscriber, int maxClientMessageBytes)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var sendCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sending = SendAsync(sendCancel.Token);
        var close = await ReceiveAsync(cancellationToken);
        subscriber.Outgoing.Writer.TryComplete();
        // What is queued may still go out, briefly; a client that reads nothing does not hold the close up.
        sendCancel.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await sending;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        if (close is { } status && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await socket.CloseOutputAsync(status.Status, status.Description, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await foreach (var text in subscriber.Outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    /// <summary>Reads until the client closes or breaks a rule; returns how to close, or null when the connection is gone.</summary>
    private async Task<(WebSocketCloseStatus Status, string Description)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[Math.Clamp(maxClientMessageBytes + 1, 2, 16 * 1024)];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(chunk, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (WebSocketCloseStatus.NormalClosure, "");
                }
                message.Write(chunk, 0, result.Count);
                if (message.Length > maxClientMessageBytes)
                {
                    return (WebSocketCloseStatus.PolicyViolation, $"Messages larger than {maxClientMessageBytes} bytes are not accepted");
                }
                if (!result.EndOfMessage)
                {
                    continue;
                }
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    Handle(message.ToArray());
                }
                message.SetLength(0);
            }
        }
        catch (OperationCanceledException)
        {
            return (WebSocketCloseStatus.EndpointUnavailable, "Server is stopping");
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    private void Handle(byte[] text)
    {
        var types = SubscribedTypes(text);
        if (types is null)
        {
            subscriber.Outgoing.Writer.TryWrite("""{"error":"Send {\"subscribe\": [\"event.type\", ...]} to choose events; \"*\" means all."}""");
            return;
        }
        subscriber.Subscribe(types);
        subscriber.Outgoing.Writer.TryWrite(JsonSerializer.Serialize(new { subscribed = types }, EventJson.Options));
    }

    internal static List<string>? SubscribedTypes(byte[] text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("subscribe", out var list) || list.ValueKind != JsonValueKind.Array
                || list.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                return null;
            }
            return list.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
