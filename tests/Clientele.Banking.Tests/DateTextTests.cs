using System.Globalization;
using System.Text;
using Clientele.Banking.Data;

namespace Clientele.Banking.Tests;

public sealed class DateTextTests
{
    [Theory]
    [InlineData("2025-07-18 09:16:00")]
    [InlineData("2024-02-29 23:59:59")]
    [InlineData("2025-06-01 08:00:23.5")]
    [InlineData("2025-06-01 08:00:23.1234567")]
    [InlineData("0001-01-01 00:00:00")]
    public void Reads_the_stored_forms_as_the_framework_does_from_characters_and_bytes(string text)
    {
        var expected = DateTime.Parse(text, CultureInfo.InvariantCulture);

        Assert.True(DateText.TryParse(text.AsSpan(), out var fromCharacters));
        Assert.True(DateText.TryParse<byte>(Encoding.UTF8.GetBytes(text), out var fromBytes));

        Assert.Equal(expected, fromCharacters);
        Assert.Equal(expected.Ticks, fromBytes.Ticks);
        Assert.Equal(DateTimeKind.Unspecified, fromBytes.Kind);
    }

    [Theory]
    [InlineData("2025-02-29 10:00:00")]
    [InlineData("2025-13-01 10:00:00")]
    [InlineData("2025-06-01 24:00:00")]
    [InlineData("2025-06-01T10:00:00")]
    [InlineData("2025-06-01 10:00")]
    [InlineData("2025-06-01 10:00:00.")]
    [InlineData("2025-06-01 10:00:00.12345678")]
    [InlineData("2025-06-01 10:00:0x")]
    [InlineData("2025-0６-01 10:00:00")]
    [InlineData("")]
    public void Anything_else_is_left_to_the_framework(string text)
    {
        Assert.False(DateText.TryParse(text.AsSpan(), out _));
        Assert.False(DateText.TryParse<byte>(Encoding.UTF8.GetBytes(text), out _));
    }
}
