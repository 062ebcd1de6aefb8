namespace Clientele.Platform.Retention;

/// <summary>Deletes one kind of finished work older than its retention; returns how many items it deleted.</summary>
public interface IRetentionSweep
{
    /// <summary>The name of the count in the retention job's result, e.g. <c>outbox_messages</c>.</summary>
    string Name { get; }

    Task<int> SweepAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken);
}
