using Clientele.Platform.Data;
using Clientele.Visitors.Api;
using Clientele.Visitors.Data;
using Clientele.Visitors.Gallery;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Visitors;

/// <summary>Nome.ai (seed 003): visitors recognised by face vectors, visits, statistics, carts, events.</summary>
public static class VisitorsModule
{
    public const string Name = "visitors";

    public static IServiceCollection AddVisitors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Nome.ai", VisitorsErrorShape.Instance, anonymousInDevelopment: false);
        services.AddModuleDbContext<VisitorsDbContext>(Name);
        services.AddSingleton<Galleries>();
        return services;
    }

    public static IEndpointRouteBuilder MapVisitors(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModule(Name);
        return endpoints;
    }
}
