using Clientele.Platform.Cli;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Clientele.Retail.Cli;
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

    /// <summary>Verbs that run without the web host or the database (the server's entry point tries them first).</summary>
    public static IReadOnlyList<CliVerb> HostlessVerbs { get; } = [MineVerb.Verb];

    public static IServiceCollection AddRetail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Clustr", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        services.AddModuleDbContext<RetailDbContext>(Name);
        foreach (var verb in HostlessVerbs)
        {
            services.AddSingleton(verb);
        }
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
