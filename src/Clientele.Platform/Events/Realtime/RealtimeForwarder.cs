using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Events.Realtime;

/// <summary>With Redis configured, subscribes this instance to the events channel at start-up, retrying until Redis answers.</summary>
public sealed partial class RealtimeForwarder(RealtimeBus bus, ILogger<RealtimeForwarder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && bus.UsesRedis)
        {
            try
            {
                await bus.SubscribeAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Subscribing to the Redis events channel failed; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
