using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Observability;

/// <summary>
/// Prometheus text at <c>GET /metrics</c>. With <c>Clientele:Observability:MetricsToken</c> set, only <c>Authorization: Bearer &lt;token&gt;</c> is let in;
/// without it, only direct loopback callers (a request that came through a proxy, carrying forwarding headers, is refused), so it is never open to the internet by default.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void Map(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            var token = ObservabilitySettings.MetricsToken(context.RequestServices.GetRequiredService<IConfiguration>());
            if (!Allowed(context, token))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        }), optionsName: null).AllowAnonymous().ExcludeFromDescription();

    public static bool Allowed(HttpContext context, string? token)
    {
        if (token is not null)
        {
            var header = context.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        }
        // A trusted proxy's X-Forwarded-For has already been consumed into the remote address and kept as X-Original-For.
        var forwarded = context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded")
            || context.Request.Headers.ContainsKey("X-Original-For");
        return !forwarded && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }
}
