using System.Net;
using System.Net.Sockets;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>
/// Which webhook URLs Clientele will call: http(s) only; never link-local, cloud metadata, unspecified, multicast or broadcast
/// addresses; loopback and private networks only when configuration allows. Checked on create/update and at every connect.
/// </summary>
public sealed class WebhookUrlPolicy(bool allowLoopback, bool allowPrivateNetworks)
{
    private static readonly HashSet<string> MetadataHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal",
    };

    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    public static WebhookUrlPolicy From(WebhookOptions options) => new(options.AllowLoopback, options.AllowPrivateNetworks);

    /// <summary>The problem with the URL's form, or null: absolute, http or https, a host, no credentials.</summary>
    public static string? FormProblem(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000)
        {
            return "URL must be 1 to 2000 characters";
        }
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            return "URL is not a valid absolute URL";
        }
        if (parsed.Scheme is not ("http" or "https"))
        {
            return $"URL scheme must be http or https, not {parsed.Scheme}";
        }
        if (string.IsNullOrEmpty(parsed.Host))
        {
            return "URL has no host";
        }
        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return "URL must not carry credentials";
        }
        uri = parsed;
        return null;
    }

    /// <summary>The reason a host name may not be called whatever it resolves to, or null.</summary>
    public static string? HostProblem(string host) =>
        MetadataHosts.Contains(host.TrimEnd('.')) ? $"{host} is a cloud metadata address" : null;

    /// <summary>The reason Clientele refuses to connect to <paramref name="address"/>, or null when it may.</summary>
    public string? AddressProblem(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.Equals(AwsMetadataV6))
        {
            return $"{address} is a cloud metadata address";
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return (b[0], b[1]) switch
            {
                (169, 254) => b[2] == 169 && b[3] == 254 ? $"{address} is a cloud metadata address" : $"{address} is a link-local address",
                (0, _) => $"{address} is an unspecified address",
                (>= 224 and <= 239, _) => $"{address} is a multicast address",
                (255, 255) when b[2] == 255 && b[3] == 255 => $"{address} is the broadcast address",
                (>= 240, _) => $"{address} is a reserved address",
                (127, _) => allowLoopback ? null : $"{address} is a loopback address (allowed only with Clientele:Events:Webhooks:AllowLoopback)",
                (10, _) or (172, >= 16 and <= 31) or (192, 168) or (100, >= 64 and <= 127) =>
                    allowPrivateNetworks ? null : $"{address} is a private network address (allowed only with Clientele:Events:Webhooks:AllowPrivateNetworks)",
                _ => null,
            };
        }
        if (address.IsIPv6LinkLocal)
        {
            return $"{address} is a link-local address";
        }
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return $"{address} is an unspecified address";
        }
        if (address.IsIPv6Multicast)
        {
            return $"{address} is a multicast address";
        }
        if (address.IsIPv6SiteLocal)
        {
            return $"{address} is a site-local address";
        }
        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback ? null : $"{address} is a loopback address (allowed only with Clientele:Events:Webhooks:AllowLoopback)";
        }
        if (address.IsIPv6UniqueLocal)
        {
            return allowPrivateNetworks ? null : $"{address} is a private network address (allowed only with Clientele:Events:Webhooks:AllowPrivateNetworks)";
        }
        // A translator or tunnel delivers these to the IPv4 address inside, so that address decides.
        foreach (var embedded in EmbeddedIPv4(address))
        {
            if (AddressProblem(embedded) is { } problem)
            {
                return $"{address} embeds {embedded}: {problem}";
            }
        }
        return null;
    }

    /// <summary>
    /// The IPv4 addresses an IPv6 address carries: IPv4-compatible <c>::a.b.c.d</c>, SIIT <c>::ffff:0:a.b.c.d</c>, NAT64
    /// <c>64:ff9b::/96</c> and <c>64:ff9b:1::/48</c> (RFC 6052), 6to4 <c>2002::/16</c>, and Teredo's server and client.
    /// </summary>
    private static IEnumerable<IPAddress> EmbeddedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        bool Zero(int from, int to) => b[from..to].All(x => x == 0);
        IPAddress V4(params int[] at) => new([b[at[0]], b[at[1]], b[at[2]], b[at[3]]]);

        if (Zero(0, 12))
        {
            yield return V4(12, 13, 14, 15);
        }
        else if (Zero(0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            yield return V4(12, 13, 14, 15);
        }
        else if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && Zero(4, 12))
        {
            yield return V4(12, 13, 14, 15);
        }
        else if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
        {
            yield return V4(6, 7, 9, 10);
        }
        else if (b[0] == 0x20 && b[1] == 0x02)
        {
            yield return V4(2, 3, 4, 5);
        }
        else if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            yield return V4(4, 5, 6, 7);
            yield return new IPAddress([(byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]]);
        }
    }

    /// <summary>Resolves the host and returns the addresses Clientele may call, or the reason it may call none of them.</summary>
    public async Task<(IReadOnlyList<IPAddress> Addresses, string? Problem)> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (HostProblem(host) is { } hostProblem)
        {
            return ([], hostProblem);
        }
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                return ([], $"{host} does not resolve");
            }
        }
        if (addresses.Length == 0)
        {
            return ([], $"{host} does not resolve");
        }
        // One refused address refuses the host: a name that also points inside cannot be trusted to stay outside.
        var problem = addresses.Select(AddressProblem).FirstOrDefault(p => p is not null);
        return problem is null ? (addresses, null) : ([], problem);
    }
}
