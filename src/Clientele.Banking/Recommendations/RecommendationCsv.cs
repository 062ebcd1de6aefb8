using System.Text;

namespace Clientele.Banking.Recommendations;

/// <summary>The case deliverable <c>client_code,product,push_notification</c> as RFC 4180: CRLF lines, quoted when needed, UTF-8.</summary>
public static class RecommendationCsv
{
    public const string Header = "client_code,product,push_notification";

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 without a byte order mark: RFC 4180 readers and spreadsheets both take it, and the first header stays <c>client_code</c>.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Task WriteHeaderAsync(TextWriter writer) => writer.WriteAsync(Header + "\r\n");

    public static Task WriteRowAsync(TextWriter writer, RecommendationRow row) =>
        writer.WriteAsync($"{row.ClientCode.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Field(row.Product)},{Field(row.PushNotification)}\r\n");

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>One line of the deliverable: a client, a product (by rank) and its push.</summary>
public sealed record RecommendationRow(int ClientCode, int Rank, string Product, string PushNotification);
