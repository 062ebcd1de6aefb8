namespace Clientele.Platform.Retention;

/// <summary>
/// One kind of finished work a purge deletes once it is older than its retention, in every organization. A module adds its
/// own with <c>services.AddRetentionTask&lt;T&gt;()</c>; tasks are scoped, resolved in the purge job's scope.
/// </summary>
public interface IRetentionTask
{
    /// <summary>The name of the count in the purge job's result, e.g. <c>outbox</c>.</summary>
    string Name { get; }

    /// <summary>Deletes what is past its retention at <paramref name="now"/>; returns how much went.</summary>
    Task<int> PurgeAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken);
}
