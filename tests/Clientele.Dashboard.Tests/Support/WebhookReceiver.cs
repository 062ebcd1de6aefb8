using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>A real local HTTP endpoint that answers 200 to every POST and keeps the bodies.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
        }
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = AnswerAsync();
    }

    public string Url { get; }

    public ConcurrentQueue<string> Bodies { get; } = new();

    private async Task AnswerAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                Bodies.Enqueue(await reader.ReadToEndAsync());
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
