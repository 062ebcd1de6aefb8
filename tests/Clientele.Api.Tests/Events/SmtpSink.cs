using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Clientele.Api.Tests.Events;

/// <summary>A minimal real SMTP server on a loopback port that keeps every message it is given; it can start late, to play a server that was down.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task? _accepting;
    private int _disposed;

    public int Port { get; } = WebhookReceiver.FreePort();
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>Server settings that send e-mail of <paramref name="alertTypes"/> to <paramref name="to"/> through this sink, retrying quickly.</summary>
    public void Configure(IDictionary<string, string?> settings, string from, string to, params string[] alertTypes)
    {
        settings["Clientele:Events:Email:Host"] = "127.0.0.1";
        settings["Clientele:Events:Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Clientele:Events:Email:Security"] = "None";
        settings["Clientele:Events:Email:From"] = from;
        settings["Clientele:Events:Email:To"] = to;
        for (var index = 0; index < alertTypes.Length; index++)
        {
            settings[$"Clientele:Events:Email:AlertTypes:{index}"] = alertTypes[index];
        }
        settings["Clientele:Events:Email:BaseDelaySeconds"] = "0.2";
        settings["Clientele:Events:Email:MaxDelaySeconds"] = "1";
    }

    public void Start()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                {
                    data.AppendLine(dataLine);
                }
                Messages.Enqueue(data.ToString());
                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else
            {
                await writer.WriteLineAsync(verb is "EHLO" or "HELO" ? "250 sink" : "250 OK");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync();
        _listener?.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }
        _stop.Dispose();
    }
}
