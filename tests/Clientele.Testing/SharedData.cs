namespace Clientele.Testing;

/// <summary>The shared datasets beside the repository (<c>../shared/data</c>, or <c>CLIENTELE_SHARED_DATA</c>); tests skip with a clear message when they are absent.</summary>
public static class SharedData
{
    public const string FolderVariable = "CLIENTELE_SHARED_DATA";

    public static string? Folder(string name)
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
        {
            var chosen = Path.Combine(configured, name);
            return Directory.Exists(chosen) ? chosen : null;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            if (File.Exists(Path.Combine(dir.FullName, "Clientele.slnx")))
            {
                var beside = Path.Combine(dir.FullName, "..", "shared", "data", name);
                return Directory.Exists(beside) ? Path.GetFullPath(beside) : null;
            }
        }
        return null;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clientele.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Clientele.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string Require(string name)
    {
        var folder = Folder(name);
        Xunit.Skip.If(folder is null, $"../shared/data/{name} is absent; this test needs the shared dataset.");
        return folder!;
    }
}
