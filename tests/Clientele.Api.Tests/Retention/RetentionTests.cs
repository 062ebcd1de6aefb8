using System.Net;
using Clientele.Api.Tests.Jobs;
using Clientele.Api.Tests.Support;
using Clientele.Banking.Data;
using Clientele.Banking.Recommendations;
using Clientele.Platform.Events;
using Clientele.Platform.Events.Webhooks;
using Clientele.Platform.Jobs;
using Clientele.Platform.Retention;
using Clientele.Platform.Tenancy;
using Clientele.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Api.Tests.Retention;

/// <summary>
/// The purge: in two organizations, finished work older than its retention (outbox 7 days, jobs and deliveries 30, exports 7)
/// goes; younger work, and unfinished work of any age, stays.
/// </summary>
public class RetentionTests(DatabaseServers<RetentionServer> servers) : IClassFixture<DatabaseServers<RetentionServer>>
{
    private readonly RetentionServer server = servers.Current;

    private static DateTimeOffset DaysAgo(double days) => DateTimeOffset.UtcNow - TimeSpan.FromDays(days);

    [DatabaseFact]
    public async Task A_purge_deletes_finished_work_past_its_retention_in_every_organization_and_nothing_else()
    {
        var (admin, first) = await server.ClientForNewOrganizationAsync("retention-a", "*:write");
        var second = await server.CreateOrganizationAsync("retention-b");
        var kept = new List<Guid>();
        foreach (var organization in new[] { first, second })
        {
            kept.AddRange(await server.InOrganizationAsync(organization, SeedAsync));
        }
        var exports = server.Services.GetRequiredService<RecommendationExports>();
        var oldFile = ExportFile(exports, first, "old.csv", DaysAgo(8));
        var oldPart = ExportFile(exports, second, "old.csv.part", DaysAgo(30));
        var newFile = ExportFile(exports, second, "new.csv", DaysAgo(6));

        var response = await admin.PostAsync("/platform/api/retention/run", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        var job = await JobsServer.WaitForJobAsync(admin, id, JobsServer.IsFinished);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal("platform.retention", job.GetProperty("kind").GetString());
        Assert.Equal("""{"export_files":2,"jobs":6,"outbox":4,"webhook_deliveries":4}""", job.GetProperty("result").GetRawText());

        foreach (var organization in new[] { first, second })
        {
            var left = await server.InOrganizationAsync(organization, RemainingAsync);
            Assert.Equal(kept.Where(left.Contains).Order(), left.Where(kept.Contains).Order());
            Assert.Equal(kept.Count / 2, left.Count(kept.Contains));
        }
        Assert.False(File.Exists(oldFile));
        Assert.False(File.Exists(oldPart));
        Assert.True(File.Exists(newFile));
    }

    [DatabaseFact]
    public async Task Only_admins_and_platform_writers_may_start_a_purge()
    {
        var (reader, _) = await server.ClientForNewOrganizationAsync("retention-reader", "*:read");
        var (bankingWriter, _) = await server.ClientForNewOrganizationAsync("retention-banking", "banking:write");

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/platform/api/retention/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bankingWriter.PostAsync("/platform/api/retention/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.CreateClient().PostAsync("/platform/api/retention/run", null)).StatusCode);
    }

    [DatabaseFact]
    public async Task The_scheduler_queues_a_purge_only_when_none_is_pending_or_recent()
    {
        var scheduler = server.Services.GetRequiredService<RetentionScheduler>();

        var queued = await scheduler.EnqueueIfDueAsync(CancellationToken.None);
        var whileQueued = await scheduler.EnqueueIfDueAsync(CancellationToken.None);

        Assert.NotNull(queued);
        Assert.Null(whileQueued);
        var operatorKey = await server.CreateApiKeyAsync(server.Services.GetRequiredService<DefaultOrganization>().Id, "*:read");
        var job = await JobsServer.WaitForJobAsync(server.WithApiKey(operatorKey), queued.Id.ToString(), JobsServer.IsFinished);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Null(await scheduler.EnqueueIfDueAsync(CancellationToken.None));
    }

    /// <summary>For one organization: rows that must go and rows that must stay; returns the ids of those that must stay.</summary>
    private static async Task<List<Guid>> SeedAsync(IServiceProvider services)
    {
        var kept = new List<Guid>();
        var banking = services.GetRequiredService<BankingDbContext>();
        Guid Outbox(DateTimeOffset? dispatchedAt, bool keep)
        {
            var message = banking.Publish("retention.probe", new { });
            (message.CreatedAt, message.DispatchedAt) = (DaysAgo(60), dispatchedAt);
            if (keep)
            {
                kept.Add(message.EventId);
            }
            return message.EventId;
        }
        Outbox(DaysAgo(8), keep: false);
        Outbox(DaysAgo(30), keep: false);
        Outbox(DaysAgo(6), keep: true);
        await banking.SaveChangesAsync();

        var jobs = services.GetRequiredService<JobsDbContext>();
        void AddJob(string status, DateTimeOffset? finishedAt, bool keep)
        {
            var job = new Job
            {
                Kind = "banking.client-summaries", Module = "banking", Status = status, CreatedAt = DaysAgo(90), UpdatedAt = DaysAgo(90),
                RunAfter = DateTimeOffset.UtcNow.AddYears(10), FinishedAt = finishedAt,
                LeaseOwner = status == JobStatus.Running ? "elsewhere" : null,
                LeaseExpiresAt = status == JobStatus.Running ? DateTimeOffset.UtcNow.AddYears(10) : null,
            };
            jobs.Jobs.Add(job);
            if (keep)
            {
                kept.Add(job.Id);
            }
        }
        AddJob(JobStatus.Succeeded, DaysAgo(31), keep: false);
        AddJob(JobStatus.Failed, DaysAgo(45), keep: false);
        AddJob(JobStatus.Cancelled, DaysAgo(31), keep: false);
        AddJob(JobStatus.Succeeded, DaysAgo(29), keep: true);
        AddJob(JobStatus.Queued, null, keep: true);
        AddJob(JobStatus.Running, null, keep: true);
        await jobs.SaveChangesAsync();

        var events = services.GetRequiredService<EventsDbContext>();
        var subscription = new WebhookSubscription { Url = "https://receiver.example/hook", EventTypes = "*", Secret = "whsec_test", Active = false };
        events.WebhookSubscriptions.Add(subscription);
        void AddDelivery(DeliveryStatus status, DateTimeOffset at, bool keep)
        {
            var delivery = new WebhookDelivery
            {
                SubscriptionId = subscription.Id, EventId = Guid.NewGuid(), EventType = "retention.probe", Payload = "{}", Status = status,
                CreatedAt = at, UpdatedAt = at, DeliveredAt = status == DeliveryStatus.Succeeded ? at : null,
                NextAttemptAt = status is DeliveryStatus.Failed or DeliveryStatus.Pending ? DateTimeOffset.UtcNow.AddYears(10) : null,
            };
            events.WebhookDeliveries.Add(delivery);
            if (keep)
            {
                kept.Add(delivery.Id);
            }
        }
        AddDelivery(DeliveryStatus.Succeeded, DaysAgo(31), keep: false);
        AddDelivery(DeliveryStatus.Dead, DaysAgo(40), keep: false);
        AddDelivery(DeliveryStatus.Succeeded, DaysAgo(29), keep: true);
        AddDelivery(DeliveryStatus.Failed, DaysAgo(90), keep: true);
        AddDelivery(DeliveryStatus.Pending, DaysAgo(90), keep: true);
        await events.SaveChangesAsync();
        return kept;
    }

    /// <summary>Every outbox event id, job id and delivery id the organization still has.</summary>
    private static async Task<List<Guid>> RemainingAsync(IServiceProvider services) =>
    [
        .. await services.GetRequiredService<BankingDbContext>().Outbox.Select(m => m.EventId).ToListAsync(),
        .. await services.GetRequiredService<JobsDbContext>().Jobs.Select(j => j.Id).ToListAsync(),
        .. await services.GetRequiredService<EventsDbContext>().WebhookDeliveries.Select(d => d.Id).ToListAsync(),
    ];

    private static string ExportFile(RecommendationExports exports, Guid organization, string name, DateTimeOffset writtenAt)
    {
        var file = Path.Combine(exports.Folder, organization.ToString("N"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "client_code,product,push_notification\n");
        File.SetLastWriteTimeUtc(file, writtenAt.UtcDateTime);
        return file;
    }
}

/// <summary>Quick job polling, export files in a folder of the test's own, and no scheduled purge (the tests start it).</summary>
public sealed class RetentionServer : JobsServer
{
    public RetentionServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Banking:ExportFolder"] = ExportFolder;
        Settings["Clientele:Retention:Enabled"] = "false";
    }

    public string ExportFolder { get; } = Path.Combine(Path.GetTempPath(), $"clientele-retention-{Guid.NewGuid():N}");

    public async Task<T> InOrganizationAsync<T>(Guid organizationId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organizationId);
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ExportFolder))
        {
            Directory.Delete(ExportFolder, recursive: true);
        }
    }
}
