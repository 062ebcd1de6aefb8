using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Clientele.Platform.Observability;

/// <summary>The one meter and activity source every part of Clientele records on (jobs, outbox, webhooks, modules).</summary>
public static class ClienteleTelemetry
{
    public const string Name = "Clientele";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);
}
