using Clientele.Platform;
using Clientele.Platform.Data;
using Clientele.Platform.Events.Realtime;
using Clientele.Platform.Modules;
using Clientele.Platform.RateLimits;
using Clientele.Platform.Retention;
using Clientele.Visitors.Api;
using Clientele.Visitors.Auth;
using Clientele.Visitors.Carts;
using Clientele.Visitors.Data;
using Clientele.Visitors.Demo;
using Clientele.Visitors.Gallery;
using Clientele.Visitors.Persons;
using Clientele.Visitors.Privacy;
using Clientele.Visitors.Settings;
using Clientele.Visitors.Statistics;
using Microsoft.AspNetCore.Authentication;
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
        services.AddSingleton<Images>();
        services.AddScoped<VisitsQuery>();
        services.AddSingleton<IDemoData, VisitorsDemoData>();
        services.AddScoped<IRetentionSweep, BiometricSweep>();
        services.AddSingleton(DeviceAuthentication.TokenScheme);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeviceAuthentication>(DeviceAuthentication.SchemeName, null);
        // Seed 003's limits; camera uploads count per device (or organization key), since a whole store sits behind one NAT.
        services.AddSingleton(new RateLimitDefault(Name, UploadEndpoints.CameraPolicy, new RateLimitRule(600, 60)));
        services.AddSingleton(new RateLimitDefault(Name, LoginEndpoints.Policy, new RateLimitRule(10, 60, RateLimitPartitioning.Ip)));
        services.AddSingleton(new RateLimitDefault(Name, StatisticsEndpoints.Policy, new RateLimitRule(100, 3600, RateLimitPartitioning.Ip)));
        return services;
    }

    public static IEndpointRouteBuilder MapVisitors(this IEndpointRouteBuilder endpoints)
    {
        var visitors = endpoints.MapModule(Name);
        LoginEndpoints.Map(visitors);
        UploadEndpoints.Map(visitors);
        PersonEndpoints.Map(visitors);
        MergeEndpoints.Map(visitors);
        StaffEndpoints.Map(visitors);
        SettingsEndpoints.Map(visitors);
        StatisticsEndpoints.Map(visitors);
        CartEndpoints.Map(visitors);
        visitors.MapEventSocket("/ws/person/", type => type is UploadEndpoints.JoinedEvent or PersonEndpoints.DeletedEvent);
        return endpoints;
    }
}
