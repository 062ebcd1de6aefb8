using Clientele.Platform.Retention;

namespace Clientele.Banking.Recommendations;

/// <summary>Export files (and parts an interrupted export left) older than <c>Clientele:Retention:ExportDays</c>, of every organization.</summary>
public sealed class ExportFileRetention(RecommendationExports exports) : IRetentionTask
{
    public string Name => "export_files";

    public Task<int> PurgeAsync(RetentionOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (RetentionOptions.Cutoff(now, options.ExportDays) is not { } cutoff || !Directory.Exists(exports.Folder))
        {
            return Task.FromResult(0);
        }
        var deleted = 0;
        foreach (var file in new DirectoryInfo(exports.Folder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < cutoff.UtcDateTime && file.Extension is ".csv" or ".part")
            {
                file.Delete();
                deleted++;
            }
        }
        return Task.FromResult(deleted);
    }
}
