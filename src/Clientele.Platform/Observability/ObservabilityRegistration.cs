using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Clientele.Platform.Observability;

/// <summary>JSON console logs, OpenTelemetry traces and metrics (OTLP when configured) and the Prometheus endpoint.</summary>
public static class ObservabilityRegistration
{
    public const string ServiceName = "clientele";
    public const string RequestIdTag = "clientele.request_id";

    public static IServiceCollection AddClienteleObservability(this IServiceCollection services)
    {
        services.AddJsonConsoleLogs();
        EfCoreCommandTracing.EnsureStarted();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(ObservabilityRegistration).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(ClienteleTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperational(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .Deferred(OtlpExport.AddTraces))
            .WithMetrics(metrics => metrics
                .AddMeter(ClienteleTelemetry.Name, "Microsoft.EntityFrameworkCore")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddView(OutgoingCallsWithoutHosts)
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter()
                .Deferred(OtlpExport.AddMetrics));
        return services;
    }

    /// <summary>
    /// Outgoing HTTP (mostly webhooks) and name lookups are counted by method, status, scheme and error only: their
    /// <c>server.address</c>, <c>server.port</c>, <c>network.peer.address</c> and <c>dns.question.name</c> would publish
    /// every customer's receiver on <c>/metrics</c>.
    /// </summary>
    private static MetricStreamConfiguration? OutgoingCallsWithoutHosts(Instrument instrument) => instrument.Meter.Name switch
    {
        "System.Net.Http" => new MetricStreamConfiguration
        {
            TagKeys = ["http.request.method", "http.response.status_code", "error.type", "url.scheme", "network.protocol.version", "http.connection.state"],
        },
        "System.Net.NameResolution" => new MetricStreamConfiguration { TagKeys = ["error.type"] },
        _ => null,
    };

    /// <summary>Runs right after request ids: the server span carries the same request id as the log lines and error bodies.</summary>
    public static WebApplication UseClienteleObservability(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            Activity.Current?.SetTag(RequestIdTag, context.TraceIdentifier);
            return next(context);
        });
        return app;
    }

    public static WebApplication MapClienteleObservability(this WebApplication app)
    {
        MetricsEndpoint.Map(app);
        return app;
    }

    private static TracerProviderBuilder Deferred(this TracerProviderBuilder tracing, Action<IServiceProvider, TracerProviderBuilder> configure) =>
        ((IDeferredTracerProviderBuilder)tracing).Configure(configure);

    private static MeterProviderBuilder Deferred(this MeterProviderBuilder metrics, Action<IServiceProvider, MeterProviderBuilder> configure) =>
        ((IDeferredMeterProviderBuilder)metrics).Configure(configure);

    private static bool IsOperational(PathString path) => path.StartsWithSegments(MetricsEndpoint.Path) || path.StartsWithSegments("/health");
}
