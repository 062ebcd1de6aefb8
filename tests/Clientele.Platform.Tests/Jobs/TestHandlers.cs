using Clientele.Platform.Jobs;

namespace Clientele.Platform.Tests.Jobs;

internal sealed record EchoPayload(string Text);

/// <summary>Reports half-way, then returns its payload.</summary>
internal sealed class EchoHandler : IJobHandler
{
    public const string JobKind = "test.echo";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        await context.ReportAsync(50, "half-way", cancellationToken);
        return new { echoed = context.Payload<EchoPayload>().Text, attempt = context.Attempt };
    }
}

internal sealed class FailingHandler : IJobHandler
{
    public const string JobKind = "test.failing";

    public string Kind => JobKind;

    public Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"broken on attempt {context.Attempt}");
}

/// <summary>Waits until its token is cancelled; <see cref="Signals.Started"/> tells the test it is running.</summary>
internal sealed class WaitingHandler(WaitingHandler.Signals signals) : IJobHandler
{
    public const string JobKind = "test.waiting";

    public string Kind => JobKind;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        signals.Started.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }

    public sealed class Signals
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
