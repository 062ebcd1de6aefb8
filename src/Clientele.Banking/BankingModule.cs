using Clientele.Banking.Api;
using Clientele.Banking.Data;
using Clientele.Banking.Data.Import;
using Clientele.Banking.Jobs;
using Clientele.Banking.Population;
using Clientele.Banking.Recommendations;
using Clientele.Platform;
using Clientele.Platform.Data;
using Clientele.Platform.Errors;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Banking;

/// <summary>InsightEngine (seed 000): bank clients, their 3-month spending, and (next) the best product with a push text.</summary>
public static class BankingModule
{
    public const string Name = "banking";

    public static IServiceCollection AddBanking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "InsightEngine", FastApiErrorShape.Instance, anonymousInDevelopment: true);
        services.AddModuleDbContext<BankingDbContext>(Name);
        services.AddOptions<BankingOptions>().BindConfiguration("Clientele:Banking");
        services.AddSingleton<BankCaseParser>();
        services.AddScoped<BankCaseImporter>();
        services.AddSingleton<IDemoData, BankingDemoData>();
        services.AddSingleton(ImportVerb.Verb);
        services.AddClientSummaries();
        services.AddRecommendations();
        return services;
    }

    public static IEndpointRouteBuilder MapBanking(this IEndpointRouteBuilder endpoints)
    {
        var banking = endpoints.MapModule(Name);
        ClientEndpoints.Map(banking);
        ImportEndpoints.Map(banking);
        SummaryEndpoints.Map(banking);
        RecommendationEndpoints.Map(banking);
        PopulationStatsEndpoints.Map(banking);
        return endpoints;
    }
}
