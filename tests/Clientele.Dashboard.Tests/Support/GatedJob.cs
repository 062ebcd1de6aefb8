using Clientele.Platform.Jobs;

namespace Clientele.Dashboard.Tests.Support;

/// <summary>Lets a test hold a job at 50 % until it says so, so the page can be seen following it.</summary>
public sealed class JobGate
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class GatedJob(JobGate gate) : IJobHandler
{
    public const string KindName = "dashboardtest.gated";

    public string Kind => KindName;

    public async Task<object?> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        await context.ReportAsync(50, "Half way", cancellationToken);
        await gate.Release.Task.WaitAsync(cancellationToken);
        await context.ReportAsync(100, "Done", cancellationToken);
        return new { rows = 42 };
    }
}
