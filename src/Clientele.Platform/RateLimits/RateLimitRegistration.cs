using Clientele.Platform.Modules;
using Clientele.Platform.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform.RateLimits;

public static class RateLimitRegistration
{
    public static IServiceCollection AddClienteleRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<RateLimitPolicies>();
        services.AddSingleton<RedisRateLimitStore>();
        services.AddSingleton<ClienteleRateLimiter>();
        services.AddHostedService<RateLimitConfigurationCheck>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<ClienteleRateLimiter, RateLimitPolicies, ModuleCatalog>((options, limiter, policies, catalog) =>
        {
            options.GlobalLimiter = limiter.Limiter;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => RateLimitRejection.WriteAsync(rejected, policies, catalog);
        });
        return services;
    }

    /// <summary>After the tenant is known: the organization joins the log scope, then requests are counted.</summary>
    public static WebApplication UseClienteleRateLimits(this WebApplication app)
    {
        app.UseOrganizationLogScope();
        app.UseRateLimiter();
        return app;
    }

    private sealed class RateLimitConfigurationCheck(RateLimitPolicies policies) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            policies.Validate();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
