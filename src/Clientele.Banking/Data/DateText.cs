using System.Numerics;

namespace Clientele.Banking.Data;

/// <summary>
/// <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of up to seven digits, read digit by digit from characters or UTF-8
/// bytes: the case files' own form, and the form EF Core stores dates in on SQLite. Anything else is not parsed here (callers
/// fall back to the framework's parsers).
/// </summary>
internal static class DateText
{
    public static bool TryParse<T>(ReadOnlySpan<T> text, out DateTime value) where T : unmanaged, IBinaryInteger<T>
    {
        value = default;
        if (text.Length < 19 || text.Length is 20 or > 27 || !Is(text[4], '-') || !Is(text[7], '-') || !Is(text[10], ' ')
            || !Is(text[13], ':') || !Is(text[16], ':') || (text.Length > 19 && !Is(text[19], '.')))
        {
            return false;
        }
        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }
        var fraction = 0;
        if (text.Length > 19)
        {
            if (!Digits(text[20..], out fraction))
            {
                return false;
            }
            for (var digits = text.Length - 20; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        return true;
    }

    private static bool Is<T>(T character, char expected) where T : IBinaryInteger<T> => int.CreateTruncating(character) == expected;

    private static bool Digits<T>(ReadOnlySpan<T> text, out int value) where T : IBinaryInteger<T>
    {
        value = 0;
        foreach (var character in text)
        {
            var digit = int.CreateTruncating(character) - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }
}
