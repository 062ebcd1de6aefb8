using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Clientele.Platform.Observability;

/// <summary>The OTLP exporters, added only when an endpoint is configured; decided when the providers are built so tests and deployments can set it late.</summary>
internal static class OtlpExport
{
    public static void AddTraces(IServiceProvider services, TracerProviderBuilder tracing)
    {
        if (OptionsFor(services, "v1/traces") is { } options)
        {
            tracing.AddProcessor(new BatchActivityExportProcessor(new OtlpTraceExporter(options)));
        }
    }

    public static void AddMetrics(IServiceProvider services, MeterProviderBuilder metrics)
    {
        if (OptionsFor(services, "v1/metrics") is { } options)
        {
            metrics.AddReader(new PeriodicExportingMetricReader(new OtlpMetricExporter(options), exportIntervalMilliseconds: 60_000));
        }
    }

    private static OtlpExporterOptions? OptionsFor(IServiceProvider services, string signalPath)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        if (ObservabilitySettings.OtlpEndpoint(configuration) is not { } endpoint)
        {
            return null;
        }
        var grpc = ObservabilitySettings.OtlpOverGrpc(configuration);
        return new OtlpExporterOptions
        {
            // Over HTTP an endpoint set in code is used as is, so the signal's path is ours to add, as the OTLP spec does for the base URL.
            Endpoint = grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath),
            Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
        };
    }
}
