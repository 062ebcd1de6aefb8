using System.Data.Common;
using System.Text;

namespace Clientele.Banking.Recommendations;

/// <summary>
/// One string per distinct word of a page (a few dozen categories, currencies and types), found by the UTF-8 bytes a reader
/// gives, so a page of rows does not hold a string per row and word.
/// </summary>
internal sealed class Words
{
    private const int MaxKept = 256;
    private readonly List<(byte[] Bytes, string Text)> known = [];

    public string Of(ReadOnlySpan<byte> bytes)
    {
        foreach (var (kept, text) in known)
        {
            if (bytes.SequenceEqual(kept))
            {
                return text;
            }
        }
        var word = Encoding.UTF8.GetString(bytes);
        Keep(bytes.ToArray(), word);
        return word;
    }

    /// <summary>
    /// A text column of <paramref name="reader"/>'s current row, read as its UTF-8 bytes: Npgsql's character reading builds a
    /// text reader per value, which cost more than the rest of the row.
    /// </summary>
    public string Of(DbDataReader reader, int ordinal) => Of(reader.GetFieldValue<byte[]>(ordinal));

    private void Keep(byte[] bytes, string word)
    {
        if (known.Count < MaxKept)
        {
            known.Add((bytes, word));
        }
    }
}
