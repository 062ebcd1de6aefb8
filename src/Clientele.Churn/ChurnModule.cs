using Clientele.Churn.Alerts;
using Clientele.Churn.Api;
using Clientele.Churn.Auth;
using Clientele.Churn.Customers;
using Clientele.Churn.Demo;
using Clientele.Churn.Import;
using Clientele.Platform;
using Clientele.Churn.Data;
using Clientele.Churn.Models;
using Clientele.Churn.Monitoring;
using Clientele.Churn.Predictions;
using Clientele.Platform.Data;
using Clientele.Platform.Jobs;
using Clientele.Platform.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Churn;

/// <summary>Churn-risk scoring (seed 002): JWT auth, customers, model training and versions, predictions, monitoring and alerts.</summary>
public static class ChurnModule
{
    public const string Name = "churn";

    public static IServiceCollection AddChurn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddClienteleModule(Name, "churn-risk API", ChurnErrorShape.Instance, anonymousInDevelopment: false);
        services.AddModuleDbContext<ChurnDbContext>(Name);
        services.AddOptions<ChurnOptions>().BindConfiguration("Clientele:Churn").ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChurnOptions>, ChurnOptionsValidation>();
        services.AddChurnAuthentication();
        services.AddSingleton<ActiveModels>();
        services.AddSingleton<AlertRules>();
        services.AddScoped<CustomerScoring>();
        services.AddSingleton<Explanations>();
        services.AddJobHandler<TrainingJob>();
        services.AddJobHandler<ScoringJob>();
        services.AddJobHandler<ImportJob>();
        services.AddSingleton<IDemoData, ChurnDemoData>();
        services.AddSingleton<ScoringSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<ScoringSweep>());
        return services;
    }

    public static IEndpointRouteBuilder MapChurn(this IEndpointRouteBuilder endpoints)
    {
        var churn = endpoints.MapModule(Name);
        AuthEndpoints.Map(churn);
        CustomerEndpoints.Map(churn);
        ImportEndpoints.Map(churn);
        PredictionEndpoints.Map(churn);
        ModelEndpoints.Map(churn);
        MonitoringEndpoints.Map(churn);
        Pages.ChurnCustomerExport.Map(churn);
        return endpoints;
    }
}
