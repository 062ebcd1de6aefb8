using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Testing;

namespace Clientele.Api.Tests.Observability;

/// <summary>With an OTLP endpoint configured, spans reach a real local receiver as OTLP over HTTP (protobuf) at <c>/v1/traces</c>.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Traces_are_posted_to_the_configured_otlp_endpoint()
    {
        using var receiver = new OtlpReceiver();
        var server = new SqliteServer();
        server.Settings["Clientele:Observability:Otlp:Endpoint"] = receiver.Endpoint;
        await ((IAsyncLifetime)server).InitializeAsync();
        try
        {
            var requestId = $"otlp-test-{Guid.NewGuid():N}";
            var client = server.CreateClient();
            client.DefaultRequestHeaders.Add("X-Request-Id", requestId);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/banking/api/clients")).StatusCode);

            OtlpReceiver.Export? export = null;
            for (var i = 0; i < 600 && export is null; i++)
            {
                export = receiver.Received.FirstOrDefault(e => e.Body.Contains(requestId, StringComparison.Ordinal));
                await Task.Delay(100);
            }

            Assert.NotNull(export);
            Assert.Equal("POST /v1/traces", export.Request);
            Assert.Equal("application/x-protobuf", export.ContentType);
            Assert.Contains("clientele", export.Body, StringComparison.Ordinal);
            Assert.Contains("/banking/api/clients", export.Body, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)server).DisposeAsync();
        }
    }

    /// <summary>A minimal OTLP/HTTP collector: answers 200 to every export and keeps what it got.</summary>
    private sealed class OtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public OtlpReceiver()
        {
            var port = FreePort();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(ReceiveAsync);
        }

        public string Endpoint { get; }
        public ConcurrentQueue<Export> Received { get; } = new();

        private async Task ReceiveAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue(new Export($"{context.Request.HttpMethod} {context.Request.Url?.AbsolutePath}", context.Request.ContentType,
                    Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();

        public sealed record Export(string Request, string? ContentType, string Body);
    }
}
