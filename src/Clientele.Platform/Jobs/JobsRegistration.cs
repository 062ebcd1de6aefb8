using Clientele.Platform.Data;
using Clientele.Platform.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clientele.Platform.Jobs;

public static class JobsRegistration
{
    /// <summary>The jobs table, the queue, the workers (<c>Clientele:Jobs</c>) and the read policy of the jobs API.</summary>
    public static IServiceCollection AddClienteleJobs(this IServiceCollection services)
    {
        services.AddModuleDbContext<JobsDbContext>(JobsDbContext.Name);
        services.AddOptions<JobOptions>().BindConfiguration("Clientele:Jobs");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobRunner>();
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        services.AddAuthorizationBuilder()
            .AddPolicy(JobEndpoints.ReadPolicy, p => p.RequireAuthenticatedUser().RequireClaim(ModuleAccess.OrganizationClaim));
        return services;
    }

    /// <summary>Registers the handler of one job kind; handlers are scoped, resolved in the job's organization scope.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services) where THandler : class, IJobHandler =>
        services.AddScoped<IJobHandler, THandler>();

    public static WebApplication MapClienteleJobs(this WebApplication app)
    {
        JobEndpoints.Map(app);
        return app;
    }
}
