using System.IO.Compression;

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
                files.AddRange(FromZip(File.ReadAllBytes(path), path));
            }
            else
            {
                files.Add(new BankCaseFile(Path.GetFileName(path), () => File.OpenRead(path)));
            }
        }
        return files;
    }

    /// <summary>The CSV entries of a .zip within <see cref="ZipLimits.Default"/>; <see cref="InvalidDataException"/> says why not.</summary>
    public static IReadOnlyList<BankCaseFile> FromZip(byte[] zip, string name = "the .zip")
    {
        var (files, problem) = FromZip(zip, ZipLimits.Default);
        return problem is null ? files : throw new InvalidDataException($"{name}: {problem}");
    }

    /// <summary>The CSV entries of a .zip, or why it cannot be imported: not a zip, too many files, or more bytes unpacked than allowed.</summary>
    public static (IReadOnlyList<BankCaseFile> Files, string? Problem) FromZip(byte[] zip, ZipLimits limits)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip));
            var entries = archive.Entries
                .Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
                .ToList();
            if (entries.Count > limits.MaxFiles)
            {
                return ([], $"Holds {entries.Count} CSV files; one import takes at most {limits.MaxFiles}.");
            }
            if (entries.Sum(e => e.Length) > limits.MaxUnpackedBytes)
            {
                return ([], $"Unpacks to more than {limits.MaxUnpackedBytes >> 20} MiB.");
            }
            // Safe to trust the declared sizes: an entry never inflates past its declared length (see BankCaseZipTests).
            var files = entries.Select(e => (e.Name, Bytes: ReadAll(e))).Select(e => new BankCaseFile(e.Name, () => new MemoryStream(e.Bytes))).ToList();
            return (files, null);
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

/// <summary>How much one import may unpack from its archives.</summary>
public sealed record ZipLimits(int MaxFiles, long MaxUnpackedBytes)
{
    public static ZipLimits Default { get; } = new(1024, 1L << 30);
}
