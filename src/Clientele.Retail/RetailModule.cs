using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Clientele.Retail.Data;
using Clientele.Retail.Products;
using Clientele.Retail.Service;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Retail;

/// <summary>Clustr (seed 001): products so far; customers, transactions, sales, rules, bundles and segments follow (issue 14).</summary>
public static class RetailModule
{
    public const string Name = "retail";

    public static IServiceCollection AddRetail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Clustr", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        services.AddModuleDbContext<RetailDbContext>(Name);
        return services;
    }

    public static IEndpointRouteBuilder MapRetail(this IEndpointRouteBuilder endpoints)
    {
        var retail = endpoints.MapModule(Name);
        ServiceEndpoints.Map(retail);
        ProductEndpoints.Map(retail);
        return endpoints;
    }
}
