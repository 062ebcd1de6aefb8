using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.RateLimits;

public static class RateLimitRegistration
{
    public static IServiceCollection AddClienteleRateLimits(this IServiceCollection services) => services;

    public static WebApplication UseClienteleRateLimits(this WebApplication app) => app;
}
