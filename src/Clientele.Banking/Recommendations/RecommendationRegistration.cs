using Clientele.Banking.Offers;
using Clientele.Banking.Offers.Push;
using Clientele.Banking.Population;
using Clientele.Platform.Jobs;
using Clientele.Platform.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clientele.Banking.Recommendations;

public static class RecommendationRegistration
{
    /// <summary>The engine and composer (settings from <c>IOptions</c>, so they may be bound to configuration), the service, the export job.</summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<RecommendationOptions>().BindConfiguration("Clientele:Banking:Recommendations")
            .Configure<IConfiguration>((o, configuration) => o.ExportFolder = configuration["Clientele:Banking:ExportFolder"] ?? o.ExportFolder);
        services.TryAddSingleton(sp => new OfferEngine(sp.GetRequiredService<IOptions<OfferSettings>>().Value));
        services.AddOptions<PushSettings>().Configure<IOptions<OfferSettings>>((push, offers) => push.Catalogue = offers.Value);
        services.TryAddSingleton(sp => new PushComposer(sp.GetRequiredService<IOptions<PushSettings>>().Value));
        services.AddSingleton<RecommendationExports>();
        services.AddRetainedFolder(sp => sp.GetRequiredService<RecommendationExports>().Folder);
        services.AddScoped<RecommendationService>();
        services.AddScoped<PopulationStatsStore>();
        services.AddJobHandler<RecommendationExportJob>();
        services.AddJobHandler<PopulationStatsJob>();
        return services;
    }
}
