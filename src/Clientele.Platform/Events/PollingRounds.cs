using Microsoft.Extensions.Logging;

namespace Clientele.Platform.Events;

/// <summary>The loop the outbox dispatcher and the delivery workers share: run a round, pause only when it found nothing, log a failed round and go on.</summary>
internal static partial class PollingRounds
{
    public static async Task RunAsync(Func<CancellationToken, Task<int>> round, Func<TimeSpan> pause, ILogger logger, string worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await round(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, worker, exception);
            }
            if (worked == 0)
            {
                await Task.Delay(pause(), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A {Worker} round failed")]
    private static partial void LogRoundFailed(ILogger logger, string worker, Exception exception);
}
