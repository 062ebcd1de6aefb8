using System.Net;
using Clientele.Platform.Observability;
using Microsoft.AspNetCore.Http;

namespace Clientele.Api.Tests.Observability;

/// <summary>Who may scrape: with a token configured only its bearer; without one only a direct loopback caller.</summary>
public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData(null, false)]
    public void Without_a_token_only_loopback_may_scrape(string? address, bool allowed)
    {
        Assert.Equal(allowed, MetricsEndpoint.Allowed(Request(address), token: null));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("X-Original-For", "127.0.0.1:50000")]
    public void A_request_relayed_by_a_local_proxy_is_not_loopback(string header, string value)
    {
        var request = Request("127.0.0.1");
        request.Request.Headers[header] = value;

        Assert.False(MetricsEndpoint.Allowed(request, token: null));
    }

    [Theory]
    [InlineData("127.0.0.1", null, false)]
    [InlineData("127.0.0.1", "Bearer other", false)]
    [InlineData("127.0.0.1", "Basic s3cret-token", false)]
    [InlineData("203.0.113.9", "Bearer s3cret-token", true)]
    [InlineData("203.0.113.9", "Bearer  s3cret-token ", true)]
    public void With_a_token_only_its_bearer_may_scrape_from_anywhere(string address, string? authorization, bool allowed)
    {
        var request = Request(address);
        if (authorization is not null)
        {
            request.Request.Headers.Authorization = authorization;
        }

        Assert.Equal(allowed, MetricsEndpoint.Allowed(request, "s3cret-token"));
    }

    private static DefaultHttpContext Request(string? address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        return context;
    }
}
