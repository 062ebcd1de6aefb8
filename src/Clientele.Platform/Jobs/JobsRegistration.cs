using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Platform.Jobs;

public static class JobsRegistration
{
    public static IServiceCollection AddClienteleJobs(this IServiceCollection services) => services;

    public static WebApplication MapClienteleJobs(this WebApplication app) => app;
}
