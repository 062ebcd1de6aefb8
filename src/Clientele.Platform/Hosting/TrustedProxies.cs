using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies in <c>Clientele:ForwardedHeaders</c>
/// (<c>KnownProxies</c>: addresses, <c>KnownNetworks</c>: CIDR ranges; loopback when neither is set, as in ASP.NET Core).
/// The client is the last address in the chain that was not sent by a trusted proxy, so per-IP limits count real clients.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Clientele:ForwardedHeaders";

    public static IServiceCollection AddClienteleForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) => Apply(options, configuration.GetSection(Section)));
        return services;
    }

    public static IApplicationBuilder UseClienteleForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();

    public static void Apply(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Every hop is checked against the trusted list, so a chain of trusted proxies is walked and a forged entry is never reached.
        options.ForwardLimit = null;
        var proxies = Values(section, "KnownProxies");
        var networks = Values(section, "KnownNetworks");
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return;
        }
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{section.Path}:KnownProxies: '{proxy}' is not an IP address."));
        }
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"{section.Path}:KnownNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8)."));
        }
    }

    /// <summary>A list in JSON (<c>["10.0.0.2"]</c>), indexed keys (<c>KnownProxies__0</c>) or one comma-separated value.</summary>
    private static List<string> Values(IConfigurationSection section, string name)
    {
        var list = section.GetSection(name);
        var values = list.Value is { } single ? single.Split(',') : list.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
