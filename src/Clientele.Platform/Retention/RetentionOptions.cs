namespace Clientele.Platform.Retention;

/// <summary><c>Clientele:Retention</c>: how long finished work is kept before the retention job deletes it.</summary>
public sealed class RetentionOptions
{
    /// <summary>Whether this instance schedules the retention job every <see cref="IntervalMinutes"/>.</summary>
    public bool Enabled { get; set; } = true;

    public double IntervalMinutes { get; set; } = 60;

    /// <summary>Dispatched outbox messages of every module.</summary>
    public double OutboxDays { get; set; } = 7;

    /// <summary>Succeeded, failed and cancelled jobs (their results with them).</summary>
    public double JobDays { get; set; } = 30;

    /// <summary>Webhook deliveries and e-mail alerts that were delivered or given up (dead letters).</summary>
    public double DeliveryDays { get; set; } = 30;

    /// <summary>Files in the folders modules register (export files).</summary>
    public double ExportDays { get; set; } = 7;
}
