using Clientele.Platform.Identity;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Clientele.Platform.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Retention;

public static class RetentionRegistration
{
    /// <summary>The retention job, its sweeps and its schedule (<c>Clientele:Retention</c>).</summary>
    public static IServiceCollection AddClienteleRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration("Clientele:Retention");
        services.AddScoped<IRetentionSweep, OutboxSweep>();
        services.AddScoped<IRetentionSweep, JobSweep>();
        services.AddScoped<IRetentionSweep, DeliverySweep>();
        services.AddScoped<IRetentionSweep, FileSweep>();
        services.AddJobHandler<RetentionJob>();
        services.AddHostedService<RetentionScheduler>();
        return services;
    }

    /// <summary>Lets the retention job delete files of <paramref name="folder"/> older than <c>Clientele:Retention:ExportDays</c>.</summary>
    public static IServiceCollection AddRetainedFolder(this IServiceCollection services, Func<IServiceProvider, string> folder) =>
        services.AddSingleton(new RetainedFolder(folder));

    public static void MapRetention(RouteGroupBuilder platform) =>
        platform.MapPost("/api/retention/run", RunAsync).WithTags("Retention").WithName("RunRetention")
            .WithSummary("Queues the retention job now: deletes dispatched events, finished jobs, old deliveries and export files past their retention.")
            .RequireAuthorization(AuthenticationSetup.AdminPolicy);

    public static async Task<Accepted<TaskAccepted>> RunAsync(HttpContext http, TenantContext tenant, ModuleCatalog catalog, CancellationToken cancellationToken)
    {
        var job = await RetentionRun.StartAsync(http.RequestServices, tenant.OrganizationId, cancellationToken);
        return TaskAccepted.For(job, "Finished work past its retention is being deleted", catalog);
    }
}
