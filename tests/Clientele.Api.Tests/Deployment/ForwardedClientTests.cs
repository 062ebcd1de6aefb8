using System.Net;
using Clientele.Api.Tests.Events;
using Clientele.Platform.Errors;
using Clientele.Testing;
using Microsoft.AspNetCore.Http;

namespace Clientele.Api.Tests.Deployment;

/// <summary>
/// Per-IP limits count the client a trusted proxy names in X-Forwarded-For, and the sender itself when it is not trusted
/// (whatever it claims); the request's log lines carry the same address.
/// </summary>
public sealed class ForwardedClientTests : IAsyncLifetime
{
    private const int Limit = 2;
    private const string Proxy = "10.9.0.2";
    private readonly ClienteleFactory _server = new(DatabaseKind.Sqlite) { Environment = "Production" };
    private string _key = "";

    public async Task InitializeAsync()
    {
        _server.Settings["Clientele:ForwardedHeaders:KnownProxies"] = Proxy;
        _server.Settings["Clientele:RateLimits:Modules:banking:Default:PermitLimit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _server.Settings["Clientele:RateLimits:Modules:banking:Default:WindowSeconds"] = "3600";
        _server.Settings["Clientele:RateLimits:Modules:banking:Default:PartitionBy"] = "Ip";
        _server.Settings["Logging:LogLevel:" + RequestIds.AccessCategory] = "Information";
        await _server.InitializeAsync();
        _key = await _server.CreateApiKeyAsync(await _server.CreateOrganizationAsync("proxied"), "banking:read");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_bucket()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await GetAsync(Proxy, "203.0.113.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(Proxy, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Proxy, "203.0.113.2"));
        await AccessLineAsync("203.0.113.2 GET /banking/api/clients 200");
    }

    [Fact]
    public async Task An_untrusted_sender_is_counted_as_itself_whatever_it_forwards()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await GetAsync("198.51.100.20", $"203.0.113.{10 + i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync("198.51.100.20", "203.0.113.99"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync("198.51.100.20", null));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("198.51.100.21", "203.0.113.99"));
        var lines = await Eventually.WaitAsync(() => Task.FromResult(AccessLines()), l => l.Count == Limit + 3, "an access line per request");
        Assert.Equal(Limit + 2, lines.Count(l => l.StartsWith("198.51.100.20 GET /banking/api/clients ", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("198.51.100.21 GET /banking/api/clients 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_loopback_sender_is_not_trusted_once_proxies_are_configured()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await GetAsync("127.0.0.1", $"203.0.113.{20 + i}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync("127.0.0.1", "203.0.113.30"));
    }

    /// <summary>The access line is written after the response has gone, so it may arrive a moment after the client has its answer.</summary>
    private Task AccessLineAsync(string text) =>
        Eventually.WaitAsync(() => Task.FromResult(AccessLines()), lines => lines.Any(l => l.StartsWith(text, StringComparison.Ordinal)), $"the access line '{text}'");

    private List<string> AccessLines()
    {
        var prefix = $"Information {RequestIds.AccessCategory}: ";
        return _server.Logs.Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToList();
    }

    private async Task<HttpStatusCode> GetAsync(string sender, string? forwardedFor)
    {
        var context = await _server.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(sender);
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/banking/api/clients";
            c.Request.Headers["X-Api-Key"] = _key;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_server).DisposeAsync();
}
