using Clientele.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Banking.Jobs;

public static class SummaryRegistration
{
    public static IServiceCollection AddClientSummaries(this IServiceCollection services)
    {
        services.AddOptions<SummaryOptions>().BindConfiguration("Clientele:Banking:Summaries");
        services.AddJobHandler<ClientSummariesJob>();
        return services;
    }
}
