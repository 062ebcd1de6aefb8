using System.Text.Json;
using Clientele.Dashboard.Tests.Support;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Clientele.Dashboard.Tests;

public sealed class WebhooksPageTests(DashboardServer server, BrowserFixture browser) : IClassFixture<DashboardServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_webhooks_page_lists_a_subscription_its_dead_delivery_and_re_delivers_it()
    {
        using var receiver = new WebhookReceiver();
        var eventId = Guid.NewGuid();
        await server.InOrganizationAsync(server.MainOrganizationId, async s =>
        {
            var db = s.GetRequiredService<EventsDbContext>();
            var subscription = new WebhookSubscription { Url = receiver.Url, EventTypes = "banking.test", Description = "test receiver", Secret = "whsec_test" };
            db.WebhookSubscriptions.Add(subscription);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscription.Id,
                EventId = eventId,
                EventType = "banking.test",
                Payload = JsonSerializer.Serialize(new { event_id = eventId, type = "banking.test", data = new { client_code = 1 } }),
                Status = DeliveryStatus.Dead,
                Attempts = 8,
                LastError = "Connection refused",
                NextAttemptAt = null,
            });
            return await db.SaveChangesAsync();
        });

        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.OperatorEmail, DashboardServer.OperatorPassword, "/webhooks");

        var subscriptionRow = page.Locator("#webhooks-table tbody tr", new() { HasText = receiver.Url });
        await Expect(subscriptionRow).ToContainTextAsync("banking.test");
        await subscriptionRow.ClickAsync();
        var delivery = page.Locator("#deliveries-table tbody tr", new() { HasText = eventId.ToString() });
        await Expect(delivery.Locator(".delivery-status")).ToHaveTextAsync("dead");
        await Expect(delivery.Locator(".delivery-error")).ToContainTextAsync("Connection refused");
        Assert.Empty(receiver.Bodies);

        await delivery.Locator(".redeliver").ClickAsync();

        await Expect(delivery.Locator(".delivery-status")).ToHaveTextAsync("succeeded");
        Assert.Contains(receiver.Bodies, b => b.Contains(eventId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_sees_the_log_but_cannot_re_deliver()
    {
        using var receiver = new WebhookReceiver();
        await server.InOrganizationAsync(server.MainOrganizationId, async s =>
        {
            var db = s.GetRequiredService<EventsDbContext>();
            var subscription = new WebhookSubscription { Url = receiver.Url, EventTypes = "*", Secret = "whsec_viewer" };
            db.WebhookSubscriptions.Add(subscription);
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscription.Id, EventId = Guid.NewGuid(), EventType = "banking.viewed", Payload = "{}",
                Status = DeliveryStatus.Dead, Attempts = 8, NextAttemptAt = null,
            });
            return await db.SaveChangesAsync();
        });
        var (context, page) = await DashboardPage.OpenAsync(browser, server);
        await using var _ = context;
        await DashboardPage.SignInAsync(page, DashboardServer.ViewerEmail, DashboardServer.ViewerPassword, "/webhooks");

        await page.Locator("#webhooks-table tbody tr", new() { HasText = receiver.Url }).ClickAsync();

        await Expect(page.Locator("#deliveries-table tbody tr", new() { HasText = "banking.viewed" })).ToBeVisibleAsync();
        await Expect(page.Locator(".redeliver")).ToHaveCountAsync(0);
    }
}
