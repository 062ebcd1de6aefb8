namespace Clientele.Banking.Data.Import;

/// <summary>One file of the case format, by name, with its bytes still to be read; <see cref="Archive"/> names the .zip it came from.</summary>
public sealed record BankCaseFile(string Name, Func<Stream> Open)
{
    public string? Archive { get; init; }

    /// <summary>What a problem with the file as a whole (too big, not unpackable) names: the archive, else the file.</summary>
    public string Source => Archive ?? Name;
}

/// <summary><c>Clientele:Banking:Import</c>: how much one import may unpack from its archives.</summary>
public sealed class ImportLimits
{
    /// <summary>Files in one import, counting the CSV files inside archives.</summary>
    public int MaxFiles { get; set; } = 1024;

    /// <summary>Bytes all archives of one import may unpack to, counted while reading (declared sizes only refuse early).</summary>
    public long MaxUnpackedBytes { get; set; } = 1L << 30;

    /// <summary>Bytes in one line of a CSV file; a longer line is not the case format (and would be held whole by the reader).</summary>
    public int MaxLineBytes { get; set; } = 64 << 10;
}
