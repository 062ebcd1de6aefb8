using System.Security.Claims;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clientele.Platform.Events.Realtime;

public static partial class EventSocketEndpoints
{
    /// <summary>
    /// A raw WebSocket that streams the caller's organization's events as JSON text messages, optionally narrowed by
    /// <paramref name="eventFilter"/> (a module's own seed path offers only its events). Callers authenticate with
    /// <c>X-Api-Key</c>, <c>?api_key=</c> (browsers cannot set headers on a WebSocket) or the dashboard session.
    /// </summary>
    public static IEndpointConventionBuilder MapEventSocket(this IEndpointRouteBuilder endpoints, string pattern, Func<string, bool>? eventFilter = null) =>
        endpoints.MapGet(pattern, context => AcceptAsync(context, eventFilter))
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task AcceptAsync(HttpContext context, Func<string, bool>? eventFilter)
    {
        var errors = context.RequestServices.GetRequiredService<ModuleCatalog>().ErrorsFor(context);
        var organizationId = await CallerOrganizationAsync(context);
        if (organizationId is not { } organization)
        {
            await errors.WriteAsync(context, new ApiError(ErrorKind.Unauthorized));
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await errors.WriteAsync(context, ApiError.BadRequest("This endpoint speaks WebSocket only: connect with a WebSocket client (Upgrade: websocket)."));
            return;
        }
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventSocketEndpoints));
        try
        {
            await services.GetRequiredService<RealtimeBus>().SubscribeAsync(context.RequestAborted).WaitAsync(TimeSpan.FromSeconds(5), context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogNoFanOut(logger, exception);
        }
        var options = services.GetRequiredService<IOptions<EventsOptions>>().Value;
        var hub = services.GetRequiredService<EventHub>();
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var subscriber = hub.Add(organization, eventFilter, options.SocketQueueLength);
        try
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
                context.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            await new EventSocketSession(socket, subscriber, options.MaxClientMessageBytes).RunAsync(stopping.Token);
        }
        finally
        {
            hub.Remove(subscriber);
        }
    }

    /// <summary>The organization of the caller; a key in <c>?api_key=</c> is checked like the header, since browsers cannot send one.</summary>
    private static async Task<Guid?> CallerOrganizationAsync(HttpContext context)
    {
        if (OrganizationOf(context.User) is { } organization)
        {
            return organization;
        }
        if (context.Request.Query.TryGetValue("api_key", out var key) && !string.IsNullOrWhiteSpace(key))
        {
            context.Request.Headers[ApiKeyAuthenticationHandler.Header] = key.ToString();
            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (result.Succeeded)
            {
                context.User = result.Principal;
                return OrganizationOf(result.Principal);
            }
        }
        return null;
    }

    private static Guid? OrganizationOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirst(ModuleAccess.OrganizationClaim)?.Value, out var id) ? id : null;

    [LoggerMessage(LogLevel.Warning, "Redis events channel unavailable; this socket gets this instance's events only")]
    private static partial void LogNoFanOut(ILogger logger, Exception exception);
}
