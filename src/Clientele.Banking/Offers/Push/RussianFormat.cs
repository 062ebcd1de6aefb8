using System.Globalization;

namespace Clientele.Banking.Offers.Push;

/// <summary>Russian grammar and number formats for pushes: plural forms, month cases, money and percentages.</summary>
public static class RussianFormat
{
    private static readonly string[] Prepositional =
        ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"];

    private static readonly string[] Genitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>The form of a noun after <paramref name="n"/>: 1 поездка, 2 поездки, 5 поездок, 11 поездок, 21 поездка.</summary>
    public static string PluralForm(long n, string one, string few, string many)
    {
        var abs = Math.Abs(n);
        var lastTwo = abs % 100;
        var last = abs % 10;
        if (lastTwo is >= 11 and <= 14)
        {
            return many;
        }
        return last switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
    }

    /// <summary>The number and the noun: «21 поездка».</summary>
    public static string Plural(long n, string one, string few, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + PluralForm(n, one, few, many);

    /// <summary>«августе» (as in «в августе»).</summary>
    public static string MonthPrepositional(int month) => Prepositional[month - 1];

    /// <summary>«августа» (as in «30 августа»).</summary>
    public static string MonthGenitive(int month) => Genitive[month - 1];

    public static IReadOnlyList<string> PrepositionalMonths => Prepositional;

    public static IReadOnlyList<string> GenitiveMonths => Genitive;

    /// <summary>«в августе», «в мае».</summary>
    public static string InMonth(DateTime month) => "в " + MonthPrepositional(month.Month);

    /// <summary>«за 3 месяца», «за месяц».</summary>
    public static string ForMonths(int months) => months == 1 ? "за месяц" : "за " + Plural(months, "месяц", "месяца", "месяцев");

    /// <summary>Whole tenge, never rounded up (a benefit is not overstated), in groups of three: «143 945».</summary>
    public static string Number(decimal amount, char separator = ' ')
    {
        var whole = decimal.Truncate(amount);
        var digits = Math.Abs(whole).ToString("0", CultureInfo.InvariantCulture);
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= 3)
        {
            groups.Insert(0, digits[Math.Max(0, end - 3)..end]);
        }
        return (whole < 0 ? "-" : "") + string.Join(separator, groups);
    }

    /// <summary>«143 945 ₸». Callers never pass an amount under 1 ₸: a zero benefit is said in words or as a percentage.</summary>
    public static string Money(decimal amount, char separator = ' ')
    {
        if (decimal.Truncate(amount) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A push never shows «0 ₸»; say the benefit in words or as a percentage.");
        }
        return Number(amount, separator) + separator + "₸";
    }

    /// <summary>«14,5%», «4%»: a comma for decimals, no trailing zeros, no space before the sign.</summary>
    public static string Percent(decimal percent) =>
        percent.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "%";
}
