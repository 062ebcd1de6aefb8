namespace Clientele.Banking.Data.Import;

/// <summary>One file of the case format, by name, with its bytes still to be read.</summary>
public sealed record BankCaseFile(string Name, Func<Stream> Open)
{
    /// <summary>The CSV files of a folder, or of a .zip, or the named files themselves.</summary>
    public static IReadOnlyList<BankCaseFile> FromPaths(IEnumerable<string> paths)
    {
        var files = new List<BankCaseFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).Select(f => new BankCaseFile(Path.GetFileName(f), () => File.OpenRead(f))));
            }
            else if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                files.AddRange(FromZip(File.ReadAllBytes(path)));
            }
            else
            {
                files.Add(new BankCaseFile(Path.GetFileName(path), () => File.OpenRead(path)));
            }
        }
        return files;
    }

    public static IReadOnlyList<BankCaseFile> FromZip(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return archive.Entries
            .Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
            .Select(e => (e.Name, Bytes: ReadAll(e)))
            .Select(e => new BankCaseFile(e.Name, () => new MemoryStream(e.Bytes)))
            .ToList();
    }

    private static byte[] ReadAll(System.IO.Compression.ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
