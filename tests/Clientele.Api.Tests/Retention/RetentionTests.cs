using System.Net;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Email;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Identity;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Retention;

/// <summary>
/// The retention job deletes dispatched events, finished jobs, settled deliveries and export files past their retention
/// (defaults 7, 30, 30 and 7 days), in every organization, and keeps everything newer or still in progress.
/// </summary>
public sealed class RetentionTests(DatabaseServers<RetentionServer> servers) : IClassFixture<DatabaseServers<RetentionServer>>
{
    private readonly RetentionServer server = servers.Current;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [DatabaseFact]
    public async Task Old_finished_work_goes_and_recent_or_unfinished_work_stays()
    {
        var (admin, organization) = await AdminAsync();
        var other = await server.CreateOrganizationAsync("retention-other");
        var outbox = await SeedOutboxAsync(other);
        var jobs = await SeedJobsAsync(other);
        var deliveries = await SeedDeliveriesAsync(other);
        var files = SeedFiles(other);

        var accepted = await admin.PostAsync("/platform/api/retention/run", null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var task = await accepted.ReadJsonAsync();
        Assert.Equal($"/platform/api/jobs/{task.GetProperty("task_id").GetString()}", accepted.Headers.Location?.OriginalString);
        var job = await JobsServer.WaitForJobAsync(admin, task.GetProperty("task_id").GetString()!, JobsServer.IsFinished);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var deleted = job.GetProperty("result").GetProperty("deleted");
        Assert.True(deleted.GetProperty("outbox_messages").GetInt32() >= 1);
        Assert.True(deleted.GetProperty("jobs").GetInt32() >= 1);
        Assert.Equal(3, deleted.GetProperty("deliveries").GetInt32());
        Assert.Equal(1, deleted.GetProperty("files").GetInt32());

        using var scope = server.Services.CreateScope();
        var events = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var outboxLeft = await events.Outbox.IgnoreQueryFilters().Where(m => m.OrganizationId == other).Select(m => m.Id).ToListAsync();
        Assert.Equal(outbox.Kept.Order(), outboxLeft.Order());
        var jobsLeft = await scope.ServiceProvider.GetRequiredService<JobsDbContext>().Jobs.IgnoreQueryFilters()
            .Where(j => j.OrganizationId == other).Select(j => j.Id).ToListAsync();
        Assert.Equal(jobs.Kept.Order(), jobsLeft.Order());
        var deliveriesLeft = await events.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.OrganizationId == other).Select(d => d.Id)
            .Concat(events.EmailAlerts.IgnoreQueryFilters().Where(a => a.OrganizationId == other).Select(a => a.Id)).ToListAsync();
        Assert.Equal(deliveries.Kept.Order(), deliveriesLeft.Order());
        Assert.False(File.Exists(files.Old));
        Assert.True(File.Exists(files.Recent));
        Assert.NotEqual(Guid.Empty, organization);
    }

    [DatabaseFact]
    public async Task Only_an_admin_may_start_a_retention_run()
    {
        var organization = await server.CreateOrganizationAsync("retention-viewer");
        var (viewer, _) = await server.SignedInAsync(organization, Role.Viewer);
        var key = server.WithApiKey(await server.CreateApiKeyAsync(organization, "*:write"));

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/platform/api/retention/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PostAsync("/platform/api/retention/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().PostAsync("/platform/api/retention/run", null)).StatusCode);
    }

    private async Task<(HttpClient, Guid)> AdminAsync()
    {
        var organization = await server.CreateOrganizationAsync("retention");
        return ((await server.SignedInAsync(organization, Role.Admin)).Client, organization);
    }

    private async Task<T> InScopeAsync<TContext, T>(Guid organization, Func<TContext, Task<T>> work) where TContext : notnull
    {
        using var scope = server.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        return await work(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private sealed record Seeded<TId>(IReadOnlyList<TId> Kept);

    private Task<Seeded<long>> SeedOutboxAsync(Guid organization) => InScopeAsync<EventsDbContext, Seeded<long>>(organization, async db =>
    {
        OutboxMessage Message(DateTimeOffset created, DateTimeOffset? dispatched) =>
            new() { Type = "test.retention", Payload = "{}", CreatedAt = created, DispatchedAt = dispatched, Attempts = 99 };
        var old = Message(Now.AddDays(-9), Now.AddDays(-8));
        var recent = Message(Now.AddDays(-2), Now.AddDays(-1));
        var waiting = Message(Now.AddDays(-30), null);
        db.Outbox.AddRange(old, recent, waiting);
        await db.SaveChangesAsync();
        return new Seeded<long>([recent.Id, waiting.Id]);
    });

    private Task<Seeded<Guid>> SeedJobsAsync(Guid organization) => InScopeAsync<JobsDbContext, Seeded<Guid>>(organization, async db =>
    {
        Job Finished(string status, DateTimeOffset finished) => new()
        {
            Kind = "banking.client-summaries", Module = "banking", Status = status, Progress = 100,
            CreatedAt = finished.AddMinutes(-1), RunAfter = finished.AddMinutes(-1), StartedAt = finished.AddMinutes(-1), FinishedAt = finished, UpdatedAt = finished,
        };
        var oldSucceeded = Finished(JobStatus.Succeeded, Now.AddDays(-31));
        var oldFailed = Finished(JobStatus.Failed, Now.AddDays(-40));
        var recent = Finished(JobStatus.Succeeded, Now.AddDays(-29));
        var running = new Job
        {
            Kind = "banking.client-summaries", Module = "banking", Status = JobStatus.Running, CreatedAt = Now.AddDays(-60), RunAfter = Now.AddDays(-60),
            StartedAt = Now.AddDays(-60), UpdatedAt = Now.AddDays(-60), LeaseOwner = "another-instance", LeaseExpiresAt = Now.AddDays(1),
        };
        db.Jobs.AddRange(oldSucceeded, oldFailed, recent, running);
        await db.SaveChangesAsync();
        return new Seeded<Guid>([recent.Id, running.Id]);
    });

    private Task<Seeded<Guid>> SeedDeliveriesAsync(Guid organization) => InScopeAsync<EventsDbContext, Seeded<Guid>>(organization, async db =>
    {
        var subscription = new WebhookSubscription { Url = "https://hooks.example.kz/retention", EventTypes = "test.retention", Secret = "whsec_test", Active = false };
        db.WebhookSubscriptions.Add(subscription);
        WebhookDelivery Delivery(DeliveryStatus status, DateTimeOffset updated) => new()
        {
            SubscriptionId = subscription.Id, EventId = Guid.NewGuid(), EventType = "test.retention", Payload = "{}", Status = status,
            CreatedAt = updated, UpdatedAt = updated, NextAttemptAt = status == DeliveryStatus.Pending ? Now.AddDays(1) : null,
        };
        EmailAlert Alert(DeliveryStatus status, DateTimeOffset created) => new()
        {
            EventId = Guid.NewGuid(), EventType = "job.failed", Subject = "s", Body = "b", Status = status, CreatedAt = created,
            NextAttemptAt = status == DeliveryStatus.Pending ? Now.AddDays(1) : null,
        };
        var oldDelivered = Delivery(DeliveryStatus.Succeeded, Now.AddDays(-31));
        var oldDead = Delivery(DeliveryStatus.Dead, Now.AddDays(-45));
        var recent = Delivery(DeliveryStatus.Succeeded, Now.AddDays(-29));
        var retrying = Delivery(DeliveryStatus.Pending, Now.AddDays(-45));
        var oldSent = Alert(DeliveryStatus.Succeeded, Now.AddDays(-31));
        var unsent = Alert(DeliveryStatus.Pending, Now.AddDays(-31));
        db.WebhookDeliveries.AddRange(oldDelivered, oldDead, recent, retrying);
        db.EmailAlerts.AddRange(oldSent, unsent);
        await db.SaveChangesAsync();
        return new Seeded<Guid>([recent.Id, retrying.Id, unsent.Id]);
    });

    private (string Old, string Recent) SeedFiles(Guid organization)
    {
        var folder = Path.Combine(server.ExportFolder, organization.ToString("N"));
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        var recent = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(old, "client_code\n1\n");
        File.WriteAllText(recent, "client_code\n2\n");
        File.SetLastWriteTimeUtc(old, Now.AddDays(-8).UtcDateTime);
        File.SetLastWriteTimeUtc(recent, Now.AddDays(-6).UtcDateTime);
        return (old, recent);
    }
}
