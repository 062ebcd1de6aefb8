using Clientele.Testing;

namespace Clientele.Api.Tests.Retention;

/// <summary>Export files in a folder of the test's own; the schedule off, so only the test runs the retention job.</summary>
public sealed class RetentionServer : ClienteleFactory
{
    public RetentionServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        Settings["Clientele:Retention:Enabled"] = "false";
        Settings["Clientele:Banking:ExportFolder"] = ExportFolder;
    }

    public string ExportFolder { get; } = Path.Combine(Path.GetTempPath(), $"clientele-retention-{Guid.NewGuid():N}");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ExportFolder))
        {
            Directory.Delete(ExportFolder, recursive: true);
        }
    }
}
