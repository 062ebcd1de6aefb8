using Clientele.Platform.Events;
using Clientele.Platform.Events.Webhooks;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Events;

public class MailingEventsServer : EventsServer
{
    public MailingEventsServer(DatabaseKind kind) : base(kind)
    {
        Smtp.Configure(Settings, "clientele@bank.kz", "ops@bank.kz, risk@bank.kz", "job.failed");
    }

    /// <summary>Not started: the test starts it once the first attempts have failed.</summary>
    public SmtpSink Smtp { get; } = new();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Alert event types are mailed over real SMTP; an SMTP server that is down at first gets the mail once it is up.</summary>
public class EmailAlertTests(DatabaseServers<MailingEventsServer> servers) : IClassFixture<DatabaseServers<MailingEventsServer>>
{
    private readonly MailingEventsServer server = servers.Current;

    [DatabaseFact]
    public async Task A_job_failed_event_is_mailed_once_the_smtp_server_is_up_and_other_types_are_not()
    {
        var organization = await server.CreateOrganizationAsync("mail");
        await server.PublishAsync(organization, "job.updated", new { job_id = "j1", progress = 50 });
        var failed = await server.PublishAsync(organization, "job.failed", new { job_id = "j1", error = "out of memory" });

        await Eventually.WaitAsync(() => AlertsAsync(organization), a => a.Count == 1 && a[0].Attempts >= 1 && a[0].Status == DeliveryStatus.Failed, "a failed first attempt");
        server.Smtp.Start();

        var sent = await Eventually.WaitAsync(() => AlertsAsync(organization), a => a[0].Status == DeliveryStatus.Succeeded, "the alert to be sent");
        Assert.Equal(failed, Assert.Single(sent).EventId);
        Assert.NotNull(sent[0].SentAt);
        var mail = Assert.Single(server.Smtp.Messages);
        Assert.Contains("Subject: [Clientele] job.failed", mail, StringComparison.Ordinal);
        Assert.Contains(failed.ToString(), mail, StringComparison.Ordinal);
        Assert.Contains("ops@bank.kz", mail, StringComparison.Ordinal);
        Assert.Contains("risk@bank.kz", mail, StringComparison.Ordinal);
    }

    private async Task<List<Platform.Events.Email.EmailAlert>> AlertsAsync(Guid organization)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        return await db.EmailAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => a.OrganizationId == organization).ToListAsync();
    }
}
