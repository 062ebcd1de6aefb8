using Clientele.Platform.Events;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clientele.Api.Tests.Events;

/// <summary>Signing secrets are stored protected by Data Protection, never as written; secrets stored before that are protected at start-up.</summary>
public sealed class WebhookSecretStorageTests(DatabaseServers<EventsServer> servers) : IClassFixture<DatabaseServers<EventsServer>>
{
    private readonly EventsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_new_secret_is_shown_once_and_stored_only_protected_and_deliveries_are_still_signed_with_it()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var (client, organization) = await server.ClientForNewOrganizationAsync("secrets", "*:write");

        var (id, secret) = await WebhookDeliveryTests.SubscribeAsync(client, receiver, "job.failed");
        await server.PublishAsync(organization, "job.failed", new { job_id = "signed" });

        var stored = await StoredSecretAsync(Guid.Parse(id));
        Assert.StartsWith(WebhookSignature.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], stored, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSignature.SecretPrefix, stored, StringComparison.Ordinal);
        Assert.Equal(secret, server.Services.GetRequiredService<WebhookSecrets>().Reveal(stored));
        await Eventually.WaitAsync(() => Task.FromResult(receiver.Accepted.Count()), n => n == 1, "the event's delivery");
        var arrival = Assert.Single(receiver.Accepted);
        Assert.True(WebhookSignature.Verify(secret, arrival.Headers[WebhookSignature.TimestampHeader], arrival.Body, arrival.Headers[WebhookSignature.SignatureHeader]));
    }

    [DatabaseFact]
    public async Task A_secret_stored_in_plain_text_before_the_upgrade_is_protected_at_start_up_and_keeps_signing()
    {
        var organization = await server.CreateOrganizationAsync("legacy-secret");
        var legacy = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription { Url = "https://hooks.example.kz/legacy", EventTypes = "*", Secret = legacy, Active = false };
        using (var scope = server.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
            var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        }
        Assert.Equal(legacy, server.Services.GetRequiredService<WebhookSecrets>().Reveal(await StoredSecretAsync(subscription.Id)));

        var upgrade = server.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "WebhookSecretUpgrade");
        await upgrade.StartAsync(CancellationToken.None);

        var stored = await StoredSecretAsync(subscription.Id);
        Assert.DoesNotContain(legacy[WebhookSignature.SecretPrefix.Length..], stored, StringComparison.Ordinal);
        Assert.Equal(legacy, server.Services.GetRequiredService<WebhookSecrets>().Reveal(stored));
    }

    private async Task<string> StoredSecretAsync(Guid id)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        return await db.WebhookSubscriptions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == id).Select(s => s.Secret).SingleAsync();
    }
}
