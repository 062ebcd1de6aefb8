using System.Security.Claims;
using Clientele.Platform.Errors;
using Clientele.Platform.Identity;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Authentication.Cookies;
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
    public const string TicketPolicy = "events:socket";
    public const string TicketPath = "/api/events/tickets";

    public const string KeyInUrlRefusal =
        "API keys are not accepted in the URL (proxies and browsers log URLs). POST /platform/api/events/tickets with the key " +
        "(X-Api-Key) or the session to get a single-use ticket valid for 60 seconds, then connect with ?ticket=<ticket>.";

    public sealed record TicketView(string Ticket, int ExpiresIn, string Url);

    /// <summary>
    /// A raw WebSocket that streams the caller's organization's events as JSON text messages: only events of modules the
    /// caller may read, optionally narrowed by <paramref name="eventFilter"/> (a module's own seed path offers only its
    /// events). Callers authenticate with <c>?ticket=</c> (from <see cref="TicketPath"/>; browsers cannot set headers on a
    /// WebSocket), <c>X-Api-Key</c>, or the dashboard session from this site's own pages.
    /// </summary>
    public static IEndpointConventionBuilder MapEventSocket(this IEndpointRouteBuilder endpoints, string pattern, Func<string, bool>? eventFilter = null) =>
        endpoints.MapGet(pattern, context => AcceptAsync(context, eventFilter))
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary><c>POST /platform/api/events/tickets</c>: any caller of an organization (key or session) gets a ticket for the events socket.</summary>
    public static RouteHandlerBuilder MapSocketTickets(this IEndpointRouteBuilder endpoints)
    {
        var platform = endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Get(ModuleCatalog.PlatformName);
        var prefix = platform.PathBase == "/" ? "" : platform.PathBase;
        return endpoints.MapPost(prefix + TicketPath, (ClaimsPrincipal user, SocketTickets tickets) =>
            {
                var ticket = tickets.Issue(user);
                return TypedResults.Ok(new TicketView(ticket, (int)SocketTickets.Lifetime.TotalSeconds,
                    $"{prefix}{EventsRegistration.SocketPath}?ticket={Uri.EscapeDataString(ticket)}"));
            })
            .WithGroupName(platform.Name)
            .WithMetadata(platform)
            .WithTags("Events")
            .WithName("CreateSocketTicket")
            .WithSummary("A single-use ticket, valid for 60 seconds, to open the events WebSocket with ?ticket= instead of a key in the URL.")
            .RequireAuthorization(TicketPolicy);
    }

    private static async Task AcceptAsync(HttpContext context, Func<string, bool>? eventFilter)
    {
        var services = context.RequestServices;
        var errors = services.GetRequiredService<ModuleCatalog>().ErrorsFor(context);
        if (context.Request.Query.ContainsKey("ticket") && !context.WebSockets.IsWebSocketRequest)
        {
            // Checked before the ticket is redeemed, so a wrong request does not use it up.
            await errors.WriteAsync(context, ApiError.BadRequest(NotWebSocket));
            return;
        }
        var (caller, refusal) = await CallerAsync(context);
        if (caller is null || OrganizationOf(caller) is not { } organization)
        {
            await errors.WriteAsync(context, refusal ?? new ApiError(ErrorKind.Unauthorized));
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await errors.WriteAsync(context, ApiError.BadRequest(NotWebSocket));
            return;
        }
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
        var subscriber = hub.Add(organization, eventFilter, options.SocketQueueLength, module => ModuleAccess.Allows(caller, module, Access.Read));
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

    private const string NotWebSocket = "This endpoint speaks WebSocket only: connect with a WebSocket client (Upgrade: websocket).";

    /// <summary>The caller: a redeemed ticket, else the request's key or session (a session only from this site's pages); or why not.</summary>
    private static async Task<(ClaimsPrincipal? Caller, ApiError? Refusal)> CallerAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.ContainsKey("api_key"))
        {
            return (null, new ApiError(ErrorKind.Unauthorized, KeyInUrlRefusal));
        }
        if (query.TryGetValue("ticket", out var ticket))
        {
            var redeemed = await context.RequestServices.GetRequiredService<SocketTickets>().RedeemAsync(ticket.ToString(), context.RequestAborted);
            return redeemed is not null ? (redeemed, null)
                : (null, new ApiError(ErrorKind.Unauthorized, "The ticket is invalid, expired or already used: get a new one with POST /platform/api/events/tickets."));
        }
        var user = context.User;
        if (OrganizationOf(user) is null)
        {
            return (null, null);
        }
        // Browsers send cookies with a cross-site WebSocket handshake too, and the same-origin policy does not cover WebSockets.
        if (user.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !SessionWriteProtection.NamesHost(origin, context.Request.Host))
        {
            return (null, new ApiError(ErrorKind.Forbidden, "A WebSocket signed in with the session cookie must be opened from this site's own pages."));
        }
        return (user, null);
    }

    private static Guid? OrganizationOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirst(ModuleAccess.OrganizationClaim)?.Value, out var id) ? id : null;

    [LoggerMessage(LogLevel.Warning, "Redis events channel unavailable; this socket gets this instance's events only")]
    private static partial void LogNoFanOut(ILogger logger, Exception exception);
}
