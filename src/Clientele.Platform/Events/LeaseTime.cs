namespace Clientele.Platform.Events;

/// <summary>Times the workers compare in SQL: whole milliseconds, so a value read back from either database equals the one written.</summary>
internal static class LeaseTime
{
    public static DateTimeOffset Now() => Truncate(DateTimeOffset.UtcNow);

    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
