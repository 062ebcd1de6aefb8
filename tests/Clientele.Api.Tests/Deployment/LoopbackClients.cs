using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace Clientele.Api.Tests.Deployment;

/// <summary>
/// HTTP and WebSocket clients whose connections leave from a chosen loopback address (127.0.0.x), so a proxy in front of the
/// server sees distinct clients; cookies are handled by hand, so one session can be carried from server to server.
/// </summary>
public static class LoopbackClients
{
    public static HttpClient Http(int port, string from = "127.0.0.1") =>
        new(Handler(IPAddress.Parse(from))) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    public static SocketsHttpHandler Handler(IPAddress from) => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>The <c>name=value</c> pairs a response sets, ready for a <c>Cookie</c> header.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    /// <summary>Logs in with the JSON endpoint and returns the session cookie.</summary>
    public static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        var login = await http.PostAsJsonAsync("/platform/api/auth/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"login failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var cookie = CookiesOf(login);
        Assert.Contains("clientele.session=", cookie, StringComparison.Ordinal);
        return cookie;
    }

    public static async Task<HttpStatusCode> GetWithCookieAsync(HttpClient http, string path, string cookie, string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A WebSocket from <paramref name="from"/> authenticated with an API key header (not the query string).</summary>
    public static async Task<ClientWebSocket> ConnectSocketAsync(Uri uri, string from, string apiKey, string requestId)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", apiKey);
        socket.Options.SetRequestHeader("X-Request-Id", requestId);
        // Not disposed here: the upgraded connection outlives the request that opened it.
        var invoker = new HttpMessageInvoker(Handler(IPAddress.Parse(from)));
        await socket.ConnectAsync(uri, invoker, CancellationToken.None);
        return socket;
    }
}
