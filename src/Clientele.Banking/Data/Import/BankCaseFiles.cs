using System.IO.Compression;

namespace Clientele.Banking.Data.Import;

/// <summary>
/// The files of one import: plain CSV files and the CSV entries of .zip archives, read lazily as streams. Archives stay open
/// (over their seekable stream: the upload's buffer file or the file on disk) until this is disposed; their entries share one
/// allowance of files and of unpacked bytes, counted while they are read.
/// </summary>
public sealed class BankCaseFiles(ImportLimits limits) : IDisposable
{
    private readonly List<BankCaseFile> files = [];
    private readonly List<IDisposable> archives = [];
    private long unpacked;

    public IReadOnlyList<BankCaseFile> Files => files;

    public void Add(BankCaseFile file) => files.Add(file);

    /// <summary>The CSV files of folders, .zip files and named files; a .zip that cannot be imported throws <see cref="InvalidDataException"/>.</summary>
    public static BankCaseFiles FromPaths(IEnumerable<string> paths, ImportLimits limits)
    {
        var found = new BankCaseFiles(limits);
        try
        {
            foreach (var path in paths)
            {
                if (Directory.Exists(path))
                {
                    foreach (var file in Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal))
                    {
                        found.Add(new BankCaseFile(Path.GetFileName(file), () => File.OpenRead(file)));
                    }
                }
                else if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    if (found.AddZip(path, File.OpenRead(path)) is { } problem)
                    {
                        throw new InvalidDataException($"{path}: {problem}");
                    }
                }
                else
                {
                    found.Add(new BankCaseFile(Path.GetFileName(path), () => File.OpenRead(path)));
                }
            }
            return found;
        }
        catch
        {
            found.Dispose();
            throw;
        }
    }

    /// <summary>Adds the CSV entries of a .zip (this takes the stream), or says why it cannot be imported: not a zip, too many files, declared too big.</summary>
    public string? AddZip(string name, Stream zip)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            zip.Dispose();
            return "Not a valid .zip archive.";
        }
        archives.Add(archive);
        var entries = archive.Entries
            .Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
            .ToList();
        var allowed = limits.MaxFiles - files.Count;
        if (entries.Count > allowed)
        {
            return $"Holds {entries.Count} CSV files; one import takes at most {limits.MaxFiles}.";
        }
        // A declared size refuses early; it is never trusted to let bytes through (see Unpacked).
        if (entries.Sum(e => e.Length) > limits.MaxUnpackedBytes - unpacked)
        {
            return $"Unpacks to more than {Mebibytes(limits.MaxUnpackedBytes)}.";
        }
        foreach (var entry in entries)
        {
            files.Add(new BankCaseFile(entry.Name, () => new ObservedReadStream(entry.Open(), Unpacked(name))) { Archive = name });
        }
        return null;
    }

    private Action<ReadOnlySpan<byte>> Unpacked(string archive) => bytes =>
    {
        unpacked += bytes.Length;
        if (unpacked > limits.MaxUnpackedBytes)
        {
            throw new ImportLimitException(new ImportProblem(archive, 0, $"Unpacks to more than {Mebibytes(limits.MaxUnpackedBytes)} (counted while unpacking).") { WholeFile = true });
        }
    };

    private static string Mebibytes(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";

    public void Dispose()
    {
        foreach (var archive in archives)
        {
            archive.Dispose();
        }
        archives.Clear();
    }
}

/// <summary>An import limit met while reading a file: the import stops and reports <see cref="Problem"/>.</summary>
public sealed class ImportLimitException(ImportProblem problem) : Exception(problem.Message)
{
    public ImportProblem Problem { get; } = problem;
}
