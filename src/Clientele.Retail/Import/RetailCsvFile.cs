using System.IO.Compression;

namespace Clientele.Retail.Import;

/// <summary>One CSV file of an import, by name, with its bytes.</summary>
public sealed record RetailCsvFile(string Name, byte[] Content)
{
    public const int MaxFiles = 100;
    public const long MaxUnpackedBytes = 512L << 20;

    /// <summary>The CSV files of folders, of .zip archives, or the named files; <see cref="InvalidDataException"/> says why not.</summary>
    public static IReadOnlyList<RetailCsvFile> FromPaths(IEnumerable<string> paths)
    {
        var files = new List<RetailCsvFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal).Select(f => new RetailCsvFile(Path.GetFileName(f), File.ReadAllBytes(f))));
            }
            else if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var (inside, problem) = FromZip(File.ReadAllBytes(path), MaxFiles - files.Count, MaxUnpackedBytes);
                files.AddRange(problem is null ? inside : throw new InvalidDataException($"{path}: {problem}"));
            }
            else
            {
                files.Add(new RetailCsvFile(Path.GetFileName(path), File.ReadAllBytes(path)));
            }
        }
        return files;
    }

    /// <summary>The CSV entries of a .zip, or why not: not a zip, too many files, or more bytes unpacked than allowed.</summary>
    public static (IReadOnlyList<RetailCsvFile> Files, string? Problem) FromZip(byte[] zip, int maxFiles, long maxUnpackedBytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip));
            var entries = archive.Entries
                .Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
                .ToList();
            if (entries.Count > maxFiles)
            {
                return ([], $"Holds {entries.Count} CSV files; one import takes at most {MaxFiles}.");
            }
            if (entries.Sum(e => e.Length) > maxUnpackedBytes)
            {
                return ([], $"Unpacks to more than {MaxUnpackedBytes >> 20} MiB.");
            }
            // An entry never inflates past its declared length (ZipArchive stops there), so the declared sizes can be trusted.
            return (entries.Select(e => new RetailCsvFile(e.Name, ReadAll(e))).ToList(), null);
        }
        catch (InvalidDataException)
        {
            return ([], "Not a valid .zip archive.");
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
