using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace Clientele.Platform.Observability;

/// <summary>One JSON object per log line, with scopes (RequestId, OrganizationId) and UTC timestamps, unless <c>Clientele:Observability:JsonLogs</c> is false (the default in Development).</summary>
internal static class JsonConsoleLogs
{
    public static IServiceCollection AddJsonConsoleLogs(this IServiceCollection services)
    {
        services.AddOptions<ConsoleLoggerOptions>().Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
        {
            if (ObservabilitySettings.JsonLogs(configuration, environment))
            {
                options.FormatterName = ConsoleFormatterNames.Json;
            }
        });
        services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return services;
    }
}
