using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Tests.Hosting;

/// <summary>Which forwarded headers are believed: only those sent by a configured (default: loopback) proxy, walking trusted hops only.</summary>
public sealed class TrustedProxiesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.9")]
    [InlineData("::1")]
    public async Task By_default_a_loopback_proxy_is_trusted(string proxy)
    {
        var context = await ForwardAsync([], proxy, "203.0.113.7", "https");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
    }

    [Fact]
    public async Task By_default_a_remote_sender_of_forwarded_headers_is_not_believed()
    {
        var context = await ForwardAsync([], "198.51.100.20", "203.0.113.7", "https");

        Assert.Equal(IPAddress.Parse("198.51.100.20"), context.Connection.RemoteIpAddress);
        Assert.Equal("http", context.Request.Scheme);
        Assert.Equal("203.0.113.7", context.Request.Headers["X-Forwarded-For"].ToString());
    }

    [Fact]
    public async Task Configured_proxies_replace_loopback()
    {
        var settings = new Dictionary<string, string?> { ["Clientele:ForwardedHeaders:KnownProxies:0"] = "10.0.0.2" };

        var fromProxy = await ForwardAsync(settings, "10.0.0.2", "203.0.113.7", "https");
        var fromLoopback = await ForwardAsync(settings, "127.0.0.1", "203.0.113.7", "https");
        var fromNeighbour = await ForwardAsync(settings, "10.0.0.3", "203.0.113.7", "https");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), fromProxy.Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("127.0.0.1"), fromLoopback.Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("10.0.0.3"), fromNeighbour.Connection.RemoteIpAddress);
        Assert.Equal("http", fromNeighbour.Request.Scheme);
    }

    [Fact]
    public async Task Networks_can_be_one_comma_separated_value()
    {
        var settings = new Dictionary<string, string?> { ["Clientele:ForwardedHeaders:KnownNetworks"] = "10.0.0.0/8, fd00::/8" };

        var fromV4 = await ForwardAsync(settings, "10.20.30.40", "203.0.113.7", "https");
        var fromV6 = await ForwardAsync(settings, "fd00::5", "203.0.113.8", "https");
        var fromOutside = await ForwardAsync(settings, "11.0.0.1", "203.0.113.9", "https");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), fromV4.Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("203.0.113.8"), fromV6.Connection.RemoteIpAddress);
        Assert.Equal(IPAddress.Parse("11.0.0.1"), fromOutside.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task An_address_forged_by_the_client_is_never_reached()
    {
        // nginx with $proxy_add_x_forwarded_for appends the real client to whatever the client sent.
        var context = await ForwardAsync([], "127.0.0.1", "192.0.2.66, 203.0.113.7", "https");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task A_chain_of_trusted_proxies_is_walked_to_the_client()
    {
        var settings = new Dictionary<string, string?> { ["Clientele:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" };

        var context = await ForwardAsync(settings, "10.0.0.2", "192.0.2.66, 203.0.113.7, 10.0.0.9", "https");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task A_sender_without_an_address_is_local_and_believed_as_in_aspnet_core()
    {
        // A Unix socket peer (nginx on the same host) or the in-process test server has no remote address.
        var context = await ForwardAsync([], null, "203.0.113.7", "https");

        Assert.Equal(IPAddress.Parse("203.0.113.7"), context.Connection.RemoteIpAddress);
        Assert.Equal("https", context.Request.Scheme);
    }

    [Theory]
    [InlineData("KnownProxies:0", "nginx.local", "Clientele:ForwardedHeaders:KnownProxies: 'nginx.local' is not an IP address.")]
    [InlineData("KnownNetworks:0", "10.0.0.0", "Clientele:ForwardedHeaders:KnownNetworks: '10.0.0.0' is not a network in CIDR form (10.0.0.0/8).")]
    [InlineData("KnownNetworks", "10.0.0.0/8,10.1/33", "Clientele:ForwardedHeaders:KnownNetworks: '10.1/33' is not a network in CIDR form (10.0.0.0/8).")]
    public void A_bad_entry_stops_with_the_setting_named(string key, string value, string message)
    {
        var section = Configuration(new Dictionary<string, string?> { [$"Clientele:ForwardedHeaders:{key}"] = value }).GetSection(TrustedProxies.Section);

        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Apply(new ForwardedHeadersOptions(), section));

        Assert.Equal(message, error.Message);
    }

    private static async Task<HttpContext> ForwardAsync(Dictionary<string, string?> settings, string? sender, string forwardedFor, string forwardedProto)
    {
        var options = new ForwardedHeadersOptions();
        TrustedProxies.Apply(options, Configuration(settings).GetSection(TrustedProxies.Section));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = sender is null ? null : IPAddress.Parse(sender);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));
        await middleware.Invoke(context);
        return context;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
