using System.IO.Compression;
using System.Text;
using Clientele.Banking.Data.Import;

namespace Clientele.Banking.Tests;

public sealed class BankCaseZipTests
{
    private static readonly ImportLimits Small = new() { MaxFiles = 2, MaxUnpackedBytes = 1000 };

    internal static byte[] Zip(params (string Name, string Text)[] entries)
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

    private static string ReadAll(BankCaseFile file)
    {
        using var reader = new StreamReader(file.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void The_csv_entries_within_the_limits_are_the_files()
    {
        using var files = new BankCaseFiles(Small);

        var problem = files.AddZip("case.zip", new MemoryStream(Zip(("a/clients.csv", "x"), ("readme.txt", "y"), ("__MACOSX/._t.csv", "z"), ("t.csv", "w"))));

        Assert.Null(problem);
        Assert.Equal(["clients.csv", "t.csv"], files.Files.Select(f => f.Name));
        Assert.All(files.Files, f => Assert.Equal("case.zip", f.Archive));
        Assert.Equal(["x", "w"], files.Files.Select(ReadAll));
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_a_problem()
    {
        using var files = new BankCaseFiles(Small);

        var problem = files.AddZip("case.zip", new MemoryStream(Encoding.UTF8.GetBytes("client_code,name\n1,A\n")));

        Assert.Empty(files.Files);
        Assert.Equal("Not a valid .zip archive.", problem);
    }

    [Fact]
    public void More_csv_entries_than_allowed_are_a_problem()
    {
        using var files = new BankCaseFiles(Small);

        var problem = files.AddZip("case.zip", new MemoryStream(Zip(("1.csv", "a"), ("2.csv", "b"), ("3.csv", "c"))));

        Assert.Empty(files.Files);
        Assert.Equal("Holds 3 CSV files; one import takes at most 2.", problem);
    }

    [Fact]
    public void More_unpacked_bytes_declared_than_allowed_are_a_problem_before_unpacking()
    {
        using var files = new BankCaseFiles(Small);

        var problem = files.AddZip("case.zip", new MemoryStream(Zip(("1.csv", new string('a', 600)), ("2.csv", new string('b', 600)))));

        Assert.Empty(files.Files);
        Assert.Contains("Unpacks to more than", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_are_counted_while_unpacking_whatever_the_entries_declare()
    {
        var zip = Zip(("1.csv", new string('\n', 1500)));
        // Declare 10 bytes in the local header and the central directory; the data inflates to 1500.
        var local = zip.AsSpan().IndexOf([(byte)0x50, (byte)0x4b, (byte)0x03, (byte)0x04]);
        BitConverter.TryWriteBytes(zip.AsSpan(local + 22, 4), 10u);
        var directory = zip.AsSpan().IndexOf([(byte)0x50, (byte)0x4b, (byte)0x01, (byte)0x02]);
        BitConverter.TryWriteBytes(zip.AsSpan(directory + 24, 4), 10u);
        using var files = new BankCaseFiles(Small);

        Assert.Null(files.AddZip("lying.zip", new MemoryStream(zip)));

        // Either the archive reader refuses the entry or stops at its declared size: never more than the allowance comes out.
        var length = 0;
        var refused = Record.Exception(() => length = ReadAll(Assert.Single(files.Files)).Length);

        Assert.True(refused is null or InvalidDataException or ImportLimitException, refused?.ToString());
        Assert.InRange(length, 0, 1000);
    }

    [Fact]
    public void The_allowance_is_shared_by_every_archive_and_counted_on_the_bytes_read()
    {
        var limits = new ImportLimits { MaxFiles = 10, MaxUnpackedBytes = 1000 };
        using var files = new BankCaseFiles(limits);
        Assert.Null(files.AddZip("one.zip", new MemoryStream(Zip(("1.csv", new string('\n', 600))))));
        Assert.Null(files.AddZip("two.zip", new MemoryStream(Zip(("2.csv", new string('\n', 300))))));
        Assert.Equal(600, ReadAll(files.Files[0]).Length);

        var refused = Assert.Throws<ImportLimitException>(() => ReadAll(files.Files[0]));

        Assert.Equal(("one.zip", true), (refused.Problem.File, refused.Problem.WholeFile));
        Assert.Contains("counted while unpacking", refused.Problem.Message, StringComparison.Ordinal);
    }
}
