using Clientele.Churn.Api;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Churn;

/// <summary>Churn-risk scoring (seed 002): customers, model, predictions, monitoring, alerts; JWT auth. Its endpoints arrive in a later issue; the path base, error shape and API document are in place.</summary>
public static class ChurnModule
{
    public const string Name = "churn";

    public static IServiceCollection AddChurn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "churn-risk API", ChurnErrorShape.Instance, anonymousInDevelopment: false);
        return services;
    }

    public static IEndpointRouteBuilder MapChurn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModule(Name);
        return endpoints;
    }
}
