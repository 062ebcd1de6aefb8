using Clientele.Platform.Events;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Events;

/// <summary>The real server with the event machinery turned quick: short polls, sub-second back-off, loopback receivers allowed.</summary>
public class EventsServer : ClienteleFactory
{
    public const int MaxAttempts = 6;

    public EventsServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Events:PollSeconds"] = "0.05";
        Settings["Clientele:Events:Webhooks:PollSeconds"] = "0.05";
        Settings["Clientele:Events:Webhooks:BaseDelaySeconds"] = "0.25";
        Settings["Clientele:Events:Webhooks:MaxDelaySeconds"] = "2";
        Settings["Clientele:Events:Webhooks:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Clientele:Events:Webhooks:TimeoutSeconds"] = "10";
        Settings["Clientele:Events:Webhooks:AllowLoopback"] = "true";
    }

    /// <summary>Publishes an event as a module would: through a module context's outbox, in its own SaveChanges.</summary>
    public async Task<Guid> PublishAsync(Guid organizationId, string type, object payload)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var message = db.Publish(type, payload);
        await db.SaveChangesAsync();
        return message.EventId;
    }
}

