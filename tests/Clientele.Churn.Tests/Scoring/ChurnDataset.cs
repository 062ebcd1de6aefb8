using Clientele.Churn.Scoring;
using Clientele.Testing;

namespace Clientele.Churn.Tests.Scoring;

/// <summary>Churn_Modelling.csv from ../shared/data/churn (or CLIENTELE_SHARED_DATA); tests that need it skip when it is absent.</summary>
internal static class ChurnDataset
{
    public static string RequirePath()
    {
        var folder = SharedData.Folder("churn");
        var path = folder is null ? null : Path.Combine(folder, "Churn_Modelling.csv");
        Skip.If(path is null || !File.Exists(path),
            $"shared/data/churn/Churn_Modelling.csv is absent (looked above {AppContext.BaseDirectory} and in ${SharedData.FolderVariable}); this test needs the bank churn dataset.");
        return path!;
    }

    public static IReadOnlyList<LabelledCustomer> Require() => ChurnModelling.Read(RequirePath());
}
