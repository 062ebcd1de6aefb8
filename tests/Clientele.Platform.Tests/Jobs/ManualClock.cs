namespace Clientele.Platform.Tests.Jobs;

/// <summary>A clock the test moves by hand; timers still run on real time.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
