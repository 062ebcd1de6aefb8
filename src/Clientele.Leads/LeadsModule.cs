using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Leads;

/// <summary>Lead Generation System (seed 004): niches, campaigns, ads, leads, the qualifying bot, funnel metrics. Its endpoints arrive in a later issue; the path base, error shape and API document are in place.</summary>
public static class LeadsModule
{
    public const string Name = "leads";

    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "Lead Generation System", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        return services;
    }

    public static IEndpointRouteBuilder MapLeads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModule(Name);
        return endpoints;
    }
}
