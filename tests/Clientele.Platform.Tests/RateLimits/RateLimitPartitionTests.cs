using System.Net;
using System.Security.Claims;
using Clientele.Platform.RateLimits;
using Microsoft.AspNetCore.Http;

namespace Clientele.Platform.Tests.RateLimits;

public sealed class RateLimitPartitionTests
{
    [Fact]
    public void An_api_key_caller_is_counted_by_its_key_id_even_with_a_device_key()
    {
        var context = Caller("10.1.2.3", new Claim(ClaimTypes.NameIdentifier, "apikey:42"));
        context.Request.Headers[RateLimitPartitions.DeviceKeyHeader] = "camera-1";

        Assert.Equal("apikey:42", RateLimitPartitions.Of(context, RateLimitPartitioning.Caller));
    }

    [Fact]
    public void An_authenticated_device_is_counted_by_its_id()
    {
        var context = Caller("10.1.2.3", new Claim(ClaimTypes.NameIdentifier, "device:cam-7"));

        Assert.Equal("device:cam-7", RateLimitPartitions.Of(context, RateLimitPartitioning.Caller));
    }

    [Fact]
    public void A_device_key_is_counted_by_a_digest_never_the_key_itself()
    {
        var first = Caller("10.1.2.3");
        first.Request.Headers[RateLimitPartitions.DeviceKeyHeader] = "secret-camera-key";
        var same = Caller("10.9.9.9");
        same.Request.Headers[RateLimitPartitions.DeviceKeyHeader] = " secret-camera-key ";
        var other = Caller("10.1.2.3");
        other.Request.Headers[RateLimitPartitions.DeviceKeyHeader] = "another-camera";

        var partition = RateLimitPartitions.Of(first, RateLimitPartitioning.Caller);

        Assert.StartsWith("device:", partition, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", partition, StringComparison.Ordinal);
        Assert.Equal(partition, RateLimitPartitions.Of(same, RateLimitPartitioning.Caller));
        Assert.NotEqual(partition, RateLimitPartitions.Of(other, RateLimitPartitioning.Caller));
    }

    [Fact]
    public void A_signed_in_user_is_counted_per_user_and_anyone_else_per_ip()
    {
        var user = Caller("10.1.2.3", new Claim(ClaimTypes.NameIdentifier, "7f1c"));
        var anonymous = Caller("10.1.2.3");

        Assert.Equal("user:7f1c", RateLimitPartitions.Of(user, RateLimitPartitioning.Caller));
        Assert.Equal("ip:10.1.2.3", RateLimitPartitions.Of(anonymous, RateLimitPartitioning.Caller));
    }

    [Fact]
    public void An_ip_policy_ignores_who_the_caller_is()
    {
        var context = Caller("10.1.2.3", new Claim(ClaimTypes.NameIdentifier, "apikey:42"));

        Assert.Equal("ip:10.1.2.3", RateLimitPartitions.Of(context, RateLimitPartitioning.Ip));
    }

    [Fact]
    public void Claims_of_an_unauthenticated_principal_do_not_choose_the_bucket()
    {
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "apikey:42")])) };
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");

        Assert.Equal("ip:10.1.2.3", RateLimitPartitions.Of(context, RateLimitPartitioning.Caller));
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("::1", "::1")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::9", "2001:db8:1:2::/64")]
    public void Client_addresses_are_normalized_and_ipv6_counted_per_64(string? address, string expected)
    {
        Assert.Equal(expected, RateLimitPartitions.ClientAddress(address is null ? null : IPAddress.Parse(address)));
    }

    private static DefaultHttpContext Caller(string ip, params Claim[] claims)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        if (claims.Length > 0)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        }
        return context;
    }
}
