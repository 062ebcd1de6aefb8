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
    public const string OffersSection = "Clientele:Banking:Offers";

    /// <summary>The engine and composer (settings from <c>IOptions</c>, so they may be bound to configuration), the service, the export job.</summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<RecommendationOptions>().BindConfiguration("Clientele:Banking:Recommendations")
            .Configure<IConfiguration>((o, configuration) => o.ExportFolder = configuration["Clientele:Banking:ExportFolder"] ?? o.ExportFolder);
        services.AddOptions<OfferSettings>().BindConfiguration(OffersSection)
            .PostConfigure<IConfiguration>((settings, configuration) => ReplaceLists(settings, configuration.GetSection(OffersSection)));
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

    /// <summary>The binder appends configured items to a list's defaults; a configured category or type list replaces them.</summary>
    private static void ReplaceLists(OfferSettings settings, IConfigurationSection section)
    {
        foreach (var property in typeof(OfferSettings).GetProperties().Where(p => p.PropertyType == typeof(IReadOnlyList<string>)))
        {
            if (section.GetSection(property.Name).Get<string[]>() is { Length: > 0 } configured)
            {
                property.SetValue(settings, configured);
            }
        }
    }
}
