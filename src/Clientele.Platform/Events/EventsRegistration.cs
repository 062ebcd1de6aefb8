using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Events;

public static class EventsRegistration
{
    public static IServiceCollection AddClienteleEvents(this IServiceCollection services) => services;

    public static WebApplication UseClienteleEvents(this WebApplication app) => app;

    public static WebApplication MapClienteleEvents(this WebApplication app) => app;
}
