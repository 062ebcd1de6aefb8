using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Clientele.Platform.Observability;

/// <summary><c>Clientele:Observability</c>, read when first needed; the OTLP endpoint also from the standard <c>OTEL_EXPORTER_OTLP_*</c> variables.</summary>
public static class ObservabilitySettings
{
    public const string Section = "Clientele:Observability";

    public static bool JsonLogs(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>($"{Section}:JsonLogs") ?? !environment.IsDevelopment();

    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[$"{Section}:Otlp:Endpoint"] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{Section}:Otlp:Endpoint must be an http(s) URL, not '{value}'.");
        }
        return endpoint;
    }

    /// <summary><c>http/protobuf</c> (the default) or <c>grpc</c>.</summary>
    public static bool OtlpOverGrpc(IConfiguration configuration)
    {
        var value = configuration[$"{Section}:Otlp:Protocol"] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "http/protobuf" => false,
            "grpc" => true,
            _ => throw new InvalidOperationException($"{Section}:Otlp:Protocol must be http/protobuf or grpc, not '{value}'."),
        };
    }

    public static string? MetricsToken(IConfiguration configuration) =>
        configuration[$"{Section}:MetricsToken"] is { Length: > 0 } token && !string.IsNullOrWhiteSpace(token) ? token : null;
}
