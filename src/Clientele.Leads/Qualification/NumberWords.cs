using System.Globalization;
using System.Text;

namespace Clientele.Leads.Qualification;

/// <summary>Russian and Kazakh numerals in words, folded («пятнадцать», «он бес», «жиырма»), rewritten as digits.</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, decimal> Values = BuildValues();
    private static readonly string Hundred = TextNormalizer.FoldEntry("сто");

    private static Dictionary<string, decimal> BuildValues()
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal value, params string[] words)
        {
            foreach (var word in words)
                values[TextNormalizer.FoldEntry(word)] = value;
        }
        Add(1, "один", "одну", "бір"); Add(2, "два", "две", "екі"); Add(3, "три", "үш"); Add(4, "четыре", "төрт");
        Add(5, "пять", "бес"); Add(6, "шесть", "алты"); Add(7, "семь", "жеті"); Add(8, "восемь", "сегіз");
        Add(9, "девять", "тоғыз"); Add(10, "десять", "он"); Add(11, "одиннадцать"); Add(12, "двенадцать");
        Add(13, "тринадцать"); Add(14, "четырнадцать"); Add(15, "пятнадцать"); Add(16, "шестнадцать");
        Add(17, "семнадцать"); Add(18, "восемнадцать"); Add(19, "девятнадцать"); Add(20, "двадцать", "жиырма");
        Add(30, "тридцать", "отыз"); Add(40, "сорок", "қырық"); Add(50, "пятьдесят", "елу"); Add(60, "шестьдесят", "алпыс");
        Add(70, "семьдесят", "жетпіс"); Add(80, "восемьдесят", "сексен"); Add(90, "девяносто", "тоқсан");
        Add(100, "сто", "жүз"); Add(200, "двести"); Add(300, "триста"); Add(400, "четыреста"); Add(500, "пятьсот");
        Add(600, "шестьсот"); Add(700, "семьсот"); Add(800, "восемьсот"); Add(900, "девятьсот"); Add(1.5m, "полтора", "полторы");
        return values;
    }

    /// <summary>Rewrites runs of numeral words in folded text; a lone «он» or «бир» stays a word unless a unit follows.</summary>
    public static string ToDigits(string folded)
    {
        var words = folded.Split(' ');
        var output = new StringBuilder(folded.Length);
        var index = 0;
        while (index < words.Length)
        {
            var start = index;
            decimal total = 0, group = 0;
            while (index < words.Length && Values.TryGetValue(words[index], out var value))
            {
                if (value == 100 && group is > 0 and < 10 && words[index] != Hundred)
                    group *= 100;
                else
                    group += value;
                index++;
            }
            total += group;
            var count = index - start;
            var unitFollows = index < words.Length && IsUnit(words[index]);
            if (count > 0 && (count > 1 || unitFollows || total >= 20))
                output.Append(total.ToString(CultureInfo.InvariantCulture)).Append(' ');
            else if (count > 0)
            {
                for (var word = start; word < index; word++)
                    output.Append(words[word]).Append(' ');
            }
            else
            {
                output.Append(words[index]).Append(' ');
                index++;
            }
        }
        return output.ToString().TrimEnd();
    }

    private static bool IsUnit(string word) =>
        word.StartsWith("тыс", StringComparison.Ordinal) || word.StartsWith("мын", StringComparison.Ordinal)
        || word.StartsWith("милл", StringComparison.Ordinal) || word.StartsWith("млн", StringComparison.Ordinal)
        || word.StartsWith("тенге", StringComparison.Ordinal) || word.StartsWith("тг", StringComparison.Ordinal)
        || word.StartsWith("лям", StringComparison.Ordinal);
}
