using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Retail;

/// <summary>Clustr (seed 001): products, customers, transactions, sales, association rules, bundles, segments. Its endpoints arrive in a later issue; the path base, error shape and API document are in place.</summary>
public static class RetailModule
{
    public const string Name = "retail";

    public static IServiceCollection AddRetail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Clustr", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        return services;
    }

    public static IEndpointRouteBuilder MapRetail(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModule(Name);
        return endpoints;
    }
}
