using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Webhooks;

/// <summary>
/// The named HttpClient webhooks go out on. Every connection re-resolves the host and connects only to addresses the
/// <see cref="WebhookUrlPolicy"/> allows, so a name that changes its answer after creation (DNS rebinding) still cannot
/// reach inside. Redirects are not followed: a 3xx is a failed attempt.
/// </summary>
public static class WebhookHttp
{
    public const string ClientName = "clientele-webhooks";

    public static IServiceCollection AddWebhookHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<EventsOptions>>().Value.Webhooks.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var policy = WebhookUrlPolicy.From(sp.GetRequiredService<IOptions<EventsOptions>>().Value.Webhooks);
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    UseProxy = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
                };
            });
        return services;
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookUrlPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var (addresses, problem) = await policy.ResolveAsync(endpoint.Host, cancellationToken);
        if (problem is not null)
        {
            throw new HttpRequestException($"Refused to connect: {problem}");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses.ToArray(), endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
