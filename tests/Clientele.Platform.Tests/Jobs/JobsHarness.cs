using Clientele.Platform.Data;
using Clientele.Platform.Jobs;
using Clientele.Platform.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Tests.Jobs;

/// <summary>The real jobs services and migrations on one in-memory SQLite database, with a hand-moved clock.</summary>
internal sealed class JobsHarness : IAsyncDisposable
{
    public static readonly Guid OrganizationA = Guid.NewGuid();
    public static readonly Guid OrganizationB = Guid.NewGuid();

    private readonly SqliteConnection _keepAlive;
    private readonly ServiceProvider _services;

    public JobsHarness(Dictionary<string, string?>? settings = null)
    {
        var connectionString = $"Data Source=jobs-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Clientele"] = connectionString,
            ["Clientele:Jobs:LeaseSeconds"] = "30",
            ["Clientele:Jobs:RetryBaseSeconds"] = "10",
            ["Clientele:Jobs:RetryMaxSeconds"] = "600",
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddScoped<TenantContext>();
        services.AddSingleton<DatabaseSettingsAccessor>();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Waiting);
        services.AddClienteleJobs();
        services.AddJobHandler<EchoHandler>();
        services.AddJobHandler<FailingHandler>();
        services.AddJobHandler<WaitingHandler>();
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<JobsDbContext>().Database.Migrate();
    }

    public ManualClock Clock { get; } = new();
    public WaitingHandler.Signals Waiting { get; } = new();
    public JobStore Store => _services.GetRequiredService<JobStore>();
    public JobRunner Runner => _services.GetRequiredService<JobRunner>();

    public async Task<Job> EnqueueAsync(string kind, object? payload = null, int? maxAttempts = null, Guid? organization = null)
    {
        await using var scope = ScopeFor(organization ?? OrganizationA);
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().EnqueueAsync(kind, payload, maxAttempts);
    }

    public async Task<Job?> CancelAsync(Guid id, Guid? organization = null)
    {
        await using var scope = ScopeFor(organization ?? OrganizationA);
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().CancelAsync(id);
    }

    public async Task<Job?> GetAsync(Guid id, Guid? organization = null)
    {
        await using var scope = ScopeFor(organization ?? OrganizationA);
        return await scope.ServiceProvider.GetRequiredService<JobQueue>().GetAsync(id);
    }

    /// <summary>The job's change events, oldest first, as (status, progress).</summary>
    public async Task<List<string>> EventsAsync(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var payloads = await db.Outbox.IgnoreQueryFilters().Where(m => m.Type == JobEvents.Updated).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => System.Text.Json.JsonDocument.Parse(p).RootElement)
            .Where(e => e.GetProperty("job_id").GetGuid() == id)
            .Select(e => $"{e.GetProperty("status").GetString()} {e.GetProperty("progress").GetInt32()}")
            .ToList();
    }

    public AsyncServiceScope ScopeFor(Guid organization)
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(organization);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }
}
