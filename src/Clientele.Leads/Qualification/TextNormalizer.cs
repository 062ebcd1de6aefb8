using System.Globalization;
using System.Text;

namespace Clientele.Leads.Qualification;

/// <summary>
/// One message in three forms. <see cref="Lowered"/>: lower case, ё→е, Latin lookalikes inside Cyrillic words made
/// Cyrillic, emojis dropped, punctuation kept. <see cref="Folded"/>: also Latin words transliterated and Kazakh letters
/// folded to their nearest Russian ones (ә→а, қ→к, ң→н, і→и …), э→е, й→и, no ь/ъ, so «канша», «қанша» and «qansha»
/// read alike. <see cref="Words"/>: <see cref="Folded"/> with only letters and digits, padded with spaces for word matching.
/// </summary>
public sealed record NormalizedText(string Original, string Lowered, string Folded, string Words);

public static class TextNormalizer
{
    private const string LatinLookalikes = "aceopxykmtbhi";
    private const string CyrillicLookalikes = "асеорхукмтвні";

    public static NormalizedText Normalize(string? text)
    {
        var original = text ?? "";
        var lowered = Lower(original);
        var folded = Fold(lowered);
        return new NormalizedText(original, lowered, folded, " " + WordsOnly(folded) + " ");
    }

    /// <summary>The form a lexicon entry is matched in; a trailing space in <paramref name="entry"/> means "whole word".</summary>
    public static string FoldEntry(string entry)
    {
        var words = WordsOnly(Fold(Lower(entry)));
        return entry.EndsWith(' ') ? words + " " : words;
    }

    public static bool IsCyrillic(char letter) => letter is >= '\u0400' and <= '\u04FF';

    public static bool IsLatin(char letter) => letter is >= 'a' and <= 'z' or 'ä' or 'ö' or 'ü' or 'ğ' or 'ñ' or 'ı' or 'ş' or 'ç' or 'ū';

    private static string Lower(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.Value == '₸')
            {
                builder.Append(" тг ");
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune))
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            else if (category is UnicodeCategory.SpaceSeparator || rune.Value is '\n' or '\r' or '\t')
                builder.Append(' ');
            else if (rune.Value < 0x2100 && category is not UnicodeCategory.OtherSymbol and not UnicodeCategory.Format and not UnicodeCategory.NonSpacingMark)
                builder.Append(rune.ToString());
            else
                builder.Append(' ');
        }
        builder.Replace('ё', 'е');
        return FixLookalikes(builder.ToString());
    }

    private static string FixLookalikes(string text)
    {
        var chars = text.ToCharArray();
        var start = 0;
        while (start < chars.Length)
        {
            if (!char.IsLetter(chars[start]))
            {
                start++;
                continue;
            }
            var end = start;
            var hasCyrillic = false;
            while (end < chars.Length && char.IsLetter(chars[end]))
                hasCyrillic |= IsCyrillic(chars[end++]);
            if (hasCyrillic)
            {
                for (var index = start; index < end; index++)
                {
                    var position = LatinLookalikes.IndexOf(chars[index], StringComparison.Ordinal);
                    if (position >= 0)
                        chars[index] = CyrillicLookalikes[position];
                }
            }
            start = end;
        }
        return new string(chars);
    }

    private static string Fold(string lowered)
    {
        var builder = new StringBuilder(lowered.Length + 8);
        var index = 0;
        while (index < lowered.Length)
        {
            if (IsLatin(lowered[index]))
            {
                var end = index;
                while (end < lowered.Length && IsLatin(lowered[end]))
                    end++;
                builder.Append(Transliterate(lowered.AsSpan(index, end - index)));
                index = end;
                continue;
            }
            switch (lowered[index])
            {
                case 'ә': builder.Append('а'); break;
                case 'ғ': builder.Append('г'); break;
                case 'қ': builder.Append('к'); break;
                case 'ң': builder.Append('н'); break;
                case 'ө': builder.Append('о'); break;
                case 'ұ' or 'ү': builder.Append('у'); break;
                case 'һ': builder.Append('х'); break;
                case 'і': builder.Append('и'); break;
                case 'э': builder.Append('е'); break;
                case 'й': builder.Append('и'); break;
                case 'ь' or 'ъ': break;
                default: builder.Append(lowered[index]); break;
            }
            index++;
        }
        return builder.ToString();
    }

    private static readonly (string Latin, string Cyrillic)[] Digraphs =
        [("shch", "щ"), ("sch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е")];

    private static string Transliterate(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length);
        var index = 0;
        while (index < word.Length)
        {
            var matched = false;
            foreach (var (latin, cyrillic) in Digraphs)
            {
                if (word[index..].StartsWith(latin, StringComparison.Ordinal))
                {
                    builder.Append(cyrillic);
                    index += latin.Length;
                    matched = true;
                    break;
                }
            }
            if (matched)
                continue;
            var letter = word[index];
            builder.Append(letter switch
            {
                'a' or 'ä' => "а", 'b' => "б", 'c' => "к", 'd' => "д", 'e' => "е", 'f' => "ф", 'g' or 'ğ' => "г", 'h' => "х",
                'i' => "и", 'j' => "ж", 'k' or 'q' => "к", 'l' => "л", 'm' => "м", 'n' or 'ñ' => "н", 'o' or 'ö' => "о",
                'p' => "п", 'r' => "р", 's' => "с", 't' => "т", 'u' or 'ü' or 'ū' or 'w' => "у", 'v' => "в", 'x' => "кс",
                'y' => index > 0 && "aeiou".Contains(word[index - 1], StringComparison.Ordinal) ? "и" : "ы",
                'z' => "з", 'ı' => "ы", 'ş' => "ш", 'ç' => "ч",
                _ => letter.ToString(),
            });
            index++;
        }
        return builder.ToString();
    }

    private static string WordsOnly(string folded)
    {
        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = true;
        foreach (var character in folded)
        {
            if (char.IsLetterOrDigit(character))
            {
                builder.Append(character);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }
        return builder.ToString().TrimEnd();
    }
}
