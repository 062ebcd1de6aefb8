using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>The case data imported once, workers polling quickly, and export files in a folder of the test's own.</summary>
public class RecommendationServer : CaseDataServer
{
    public RecommendationServer(DatabaseKind kind) : base(kind)
    {
        Settings["Clientele:Jobs:PollSeconds"] = "0.1";
        Settings["Clientele:Banking:ExportFolder"] = ExportFolder;
    }

    public string ExportFolder { get; } = Path.Combine(Path.GetTempPath(), $"clientele-exports-{Guid.NewGuid():N}");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ExportFolder))
        {
            Directory.Delete(ExportFolder, recursive: true);
        }
    }
}

