using System.Data.Common;
using System.Text;

namespace Clientele.Banking.Recommendations;

/// <summary>
/// One string per distinct word of a page (a few dozen categories, currencies and types), found by the bytes or characters a
/// reader gives, so a page of rows does not hold a string per row and word.
/// </summary>
internal sealed class Words
{
    private const int MaxKept = 256;
    private readonly List<(byte[] Bytes, string Text)> known = [];
    private readonly char[] buffer = new char[64];

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

    /// <summary>A text column of <paramref name="reader"/>'s current row; a text longer than a word is read as it is.</summary>
    public string Of(DbDataReader reader, int ordinal)
    {
        var length = (int)reader.GetChars(ordinal, 0, buffer, 0, buffer.Length);
        if (length == buffer.Length)
        {
            return reader.GetString(ordinal);
        }
        var chars = buffer.AsSpan(0, length);
        foreach (var (_, text) in known)
        {
            if (chars.SequenceEqual(text))
            {
                return text;
            }
        }
        var word = new string(chars);
        Keep(Encoding.UTF8.GetBytes(word), word);
        return word;
    }

    private void Keep(byte[] bytes, string word)
    {
        if (known.Count < MaxKept)
        {
            known.Add((bytes, word));
        }
    }
}
