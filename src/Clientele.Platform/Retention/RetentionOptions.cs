namespace Clientele.Platform.Retention;

/// <summary><c>Clientele:Retention</c>: how long finished work is kept, in days (0 keeps it for ever), and how often a purge runs.</summary>
public sealed class RetentionOptions
{
    /// <summary>Whether this instance queues the recurring purge (the admin trigger works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours between purges.</summary>
    public double IntervalHours { get; set; } = 24;

    /// <summary>How often each instance checks whether a purge is due.</summary>
    public double CheckSeconds { get; set; } = 3600;

    /// <summary>Outbox messages, counted from when they were dispatched (messages set aside after failing are kept).</summary>
    public double OutboxDays { get; set; } = 7;

    /// <summary>Succeeded, failed and cancelled jobs, counted from when they finished.</summary>
    public double JobDays { get; set; } = 30;

    /// <summary>Delivered and dead webhook deliveries, counted from delivery or from the last attempt.</summary>
    public double DeliveryDays { get; set; } = 30;

    /// <summary>Export files, counted from when they were written.</summary>
    public double ExportDays { get; set; } = 7;

    /// <summary>The instant before which rows kept for <paramref name="days"/> go, or null when they are kept for ever.</summary>
    public static DateTimeOffset? Cutoff(DateTimeOffset now, double days) => days > 0 ? now - TimeSpan.FromDays(days) : null;
}
