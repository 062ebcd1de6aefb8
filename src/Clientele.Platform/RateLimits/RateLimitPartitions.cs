using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Clientele.Platform.RateLimits;

/// <summary>
/// Who a request is counted against: its API key (or an authenticated device, <c>NameIdentifier</c> <c>device:&lt;id&gt;</c>), else the
/// camera's <c>X-Device-Key</c>, else its user, else its client IP. The raw header is trusted for counting only until the visitors
/// module authenticates device keys; an anonymous caller could rotate it to leave its IP bucket.
/// </summary>
public static class RateLimitPartitions
{
    public const string DeviceKeyHeader = "X-Device-Key";

    public static string Of(HttpContext context, RateLimitPartitioning by)
    {
        if (by == RateLimitPartitioning.Caller)
        {
            var authenticated = context.User.Identity?.IsAuthenticated == true;
            var id = authenticated ? context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value : null;
            if (id is not null && (id.StartsWith("apikey:", StringComparison.Ordinal) || id.StartsWith("device:", StringComparison.Ordinal)))
            {
                return id;
            }
            var device = context.Request.Headers[DeviceKeyHeader].ToString();
            if (!string.IsNullOrWhiteSpace(device))
            {
                // Only a digest: raw device keys are secrets and must not land in Redis keys or logs.
                return "device:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(device.Trim())))[..32];
            }
            if (!string.IsNullOrEmpty(id))
            {
                return "user:" + id;
            }
        }
        return "ip:" + ClientAddress(context.Connection.RemoteIpAddress);
    }

    /// <summary>IPv4 as is (also when mapped into IPv6); IPv6 by its /64, since one host can use a whole /64.</summary>
    public static string ClientAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
