using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Observability;

public static class ObservabilityRegistration
{
    public static IServiceCollection AddClienteleObservability(this IServiceCollection services) => services;

    public static WebApplication UseClienteleObservability(this WebApplication app) => app;

    public static WebApplication MapClienteleObservability(this WebApplication app) => app;
}
