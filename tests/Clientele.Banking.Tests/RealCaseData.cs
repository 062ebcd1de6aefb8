using Clientele.Banking.Data.Import;

namespace Clientele.Banking.Tests;

/// <summary>The organisers' data set in ../shared/data/bank_case next to the repository, parsed once; absent on machines without it.</summary>
public sealed class RealCaseData
{
    private readonly Lazy<ParsedBankCase> parsed;

    public RealCaseData()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Clientele.slnx")))
        {
            root = root.Parent;
        }
        var folder = root is null ? null : Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "data", "bank_case"));
        Folder = folder is not null && Directory.Exists(folder) ? folder : null;
        parsed = new Lazy<ParsedBankCase>(() =>
        {
            using var files = BankCaseFiles.FromPaths([Folder!], new ImportLimits());
            return CaseFiles.Parser().Parse(files.Files);
        });
    }

    public string? Folder { get; }

    public ParsedBankCase Parsed => parsed.Value;

    public void SkipIfAbsent() => Skip.If(Folder is null, "../shared/data/bank_case is absent");
}
