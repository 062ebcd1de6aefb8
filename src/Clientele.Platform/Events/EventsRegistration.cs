using Clientele.Platform.Data;
using Clientele.Platform.Events.Email;
using Clientele.Platform.Events.Outbox;
using Clientele.Platform.Events.Realtime;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Events;

public static class EventsRegistration
{
    public const string SocketPath = "/ws/events";

    /// <summary>The events database, the outbox dispatcher, realtime (with Redis fan-out when configured), webhooks and alert e-mail.</summary>
    public static IServiceCollection AddClienteleEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section);
        services.AddModuleDbContext<EventsDbContext>(EventsDbContext.Name);
        services.AddSingleton<EventHub>();
        services.AddSingleton<RealtimeBus>();
        services.AddSingleton<SocketTickets>();
        services.AddSingleton<OrganizationNames>();
        services.AddSingleton<EventRouter>();
        services.AddSingleton<WebhookVerifier>();
        services.AddSingleton<WebhookSecrets>();
        services.AddHostedService<WebhookSecretUpgrade>();
        services.AddWebhookHttpClient();
        services.AddHostedService<RealtimeForwarder>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<WebhookDeliveryWorker>();
        services.AddHostedService<EmailAlertSender>();
        services.AddAuthorizationBuilder().AddPolicy(WebhookEndpoints.ManagePolicy, p => p.RequireAssertion(c => WebhookEndpoints.CanManage(c.User)))
            .AddPolicy(EventSocketEndpoints.TicketPolicy, p => p.RequireAuthenticatedUser().RequireClaim(Identity.ModuleAccess.OrganizationClaim));
        return services;
    }

    public static WebApplication UseClienteleEvents(this WebApplication app)
    {
        app.UseWebSockets();
        return app;
    }

    /// <summary><c>/platform/ws/events</c>, its tickets and the webhook API under the platform's path base.</summary>
    public static WebApplication MapClienteleEvents(this WebApplication app)
    {
        var platform = app.MapModule(ModuleCatalog.PlatformName);
        platform.MapEventSocket(SocketPath);
        app.MapSocketTickets();
        WebhookEndpoints.Map(platform);
        return app;
    }
}
