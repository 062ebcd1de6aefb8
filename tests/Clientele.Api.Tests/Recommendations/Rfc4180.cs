using System.Text;

namespace Clientele.Api.Tests.Recommendations;

/// <summary>A strict RFC 4180 reader for the tests: CRLF record ends, quoted fields with doubled quotes; anything else fails.</summary>
public static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < text.Length, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    Assert.NotEqual('"', text[i]);
                    field.Append(text[i++]);
                }
            }
            record.Add(field.ToString());
            field.Clear();
            Assert.True(i < text.Length, "the last record must end with CRLF");
            if (text[i] == ',')
            {
                i++;
                continue;
            }
            Assert.True(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n', $"a record must end with CRLF (at {i})");
            i += 2;
            records.Add(record);
            record = [];
        }
        return records;
    }
}
