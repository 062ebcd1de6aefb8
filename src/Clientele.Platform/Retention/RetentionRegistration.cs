using Clientele.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Retention;

public static class RetentionRegistration
{
    /// <summary>The purge job, its scheduler (<c>Clientele:Retention</c>) and the platform's own tasks: outbox, jobs, webhook deliveries.</summary>
    public static IServiceCollection AddClienteleRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration("Clientele:Retention");
        services.AddJobHandler<RetentionJob>();
        services.AddRetentionTask<OutboxRetention>();
        services.AddRetentionTask<JobRetention>();
        services.AddRetentionTask<DeliveryRetention>();
        services.AddSingleton<RetentionScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionScheduler>());
        return services;
    }

    public static IServiceCollection AddRetentionTask<TTask>(this IServiceCollection services) where TTask : class, IRetentionTask =>
        services.AddScoped<IRetentionTask, TTask>();
}
