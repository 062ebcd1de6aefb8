using System.IO.Compression;
using System.Text;
using Clientele.Banking.Data.Import;

namespace Clientele.Banking.Tests;

public sealed class BankCaseZipTests
{
    private static readonly ZipLimits Small = new(MaxFiles: 2, MaxUnpackedBytes: 1000);

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return zip.ToArray();
    }

    [Fact]
    public void The_csv_entries_within_the_limits_are_the_files()
    {
        var (files, problem) = BankCaseFile.FromZip(Zip(("a/clients.csv", "x"), ("readme.txt", "y"), ("__MACOSX/._t.csv", "z"), ("t.csv", "w")), Small);

        Assert.Null(problem);
        Assert.Equal(["clients.csv", "t.csv"], files.Select(f => f.Name));
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_a_problem()
    {
        var (files, problem) = BankCaseFile.FromZip(Encoding.UTF8.GetBytes("client_code,name\n1,A\n"), Small);

        Assert.Empty(files);
        Assert.Equal("Not a valid .zip archive.", problem);
    }

    [Fact]
    public void More_csv_entries_than_allowed_are_a_problem()
    {
        var (files, problem) = BankCaseFile.FromZip(Zip(("1.csv", "a"), ("2.csv", "b"), ("3.csv", "c")), Small);

        Assert.Empty(files);
        Assert.Equal("Holds 3 CSV files; one import takes at most 2.", problem);
    }

    [Fact]
    public void More_unpacked_bytes_than_allowed_are_a_problem()
    {
        var (files, problem) = BankCaseFile.FromZip(Zip(("1.csv", new string('a', 600)), ("2.csv", new string('b', 600))), Small);

        Assert.Empty(files);
        Assert.Contains("Unpacks to more than", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_never_unpacks_past_the_size_it_declares()
    {
        var zip = Zip(("1.csv", new string('a', 1500)));
        // Declare 10 bytes in the central directory; the data would inflate to 1500.
        var directory = zip.AsSpan().IndexOf([(byte)0x50, (byte)0x4b, (byte)0x01, (byte)0x02]);
        BitConverter.TryWriteBytes(zip.AsSpan(directory + 24, 4), 10u);

        var (files, problem) = BankCaseFile.FromZip(zip, Small);

        Assert.Null(problem);
        using var unpacked = Assert.Single(files).Open();
        Assert.True(unpacked.Length <= 10, $"{unpacked.Length} bytes came out of an entry that declared 10");
    }
}
