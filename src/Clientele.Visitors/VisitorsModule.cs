using Clientele.Visitors.Api;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Visitors;

/// <summary>Nome.ai (seed 003): visitors recognised by face vectors, visits, statistics, carts, events. Its endpoints arrive in a later issue; the path base, error shape and API document are in place.</summary>
public static class VisitorsModule
{
    public const string Name = "visitors";

    public static IServiceCollection AddVisitors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Nome.ai", VisitorsErrorShape.Instance, anonymousInDevelopment: false);
        return services;
    }

    public static IEndpointRouteBuilder MapVisitors(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModule(Name);
        return endpoints;
    }
}
