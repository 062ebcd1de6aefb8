using System.Globalization;
using System.Text.RegularExpressions;

namespace Clientele.Leads.Qualification;

/// <summary>
/// Amounts in tenge («15 000 тг», «15к», «до 20 тысяч», «от 10 до 15 тыс», «20 мыңға дейін», «пятнадцать тысяч») and
/// what the lead says about money («устраивает», «дорого», «ақша жоқ»). A bare number counts only next to a budget word
/// or as the answer to the bot's budget question, where «15» means 15 000.
/// </summary>
public static partial class BudgetExtractor
{
    private static readonly Lexicon NoMoney = new("нет денег", "денег нет", "денег пока нет", "бюджета нет", "бюджета пока нет", "нет бюджета", "бюджет жоқ", "не по карману", "не потяну", "ақша жоқ", "ақшам жоқ", "ақшам жетпейді");

    private static readonly Lexicon Haggling = new(
        "дорого", "дороговато", "дешевле", "подешевле", "бюджет маленький", "бюджет небольшой", "бюджет ограничен", "денег мало",
        "қымбат", "арзанырақ", "арзандау");

    private static readonly Lexicon NotExpensive = new("не дорого", "не дороговато", "не так дорого", "қымбат емес");

    private static readonly Lexicon Accepting = new(
        "устраивает", "устроит", "подходит", "цена нормальная", "цена норм", "по цене норм", "по цене ок", "цена ок",
        "согласен", "согласна", "согласны", "деньги есть", "бюджет есть", "цена не важна", "цена не имеет значения", "неважно сколько",
        "не важно сколько", "любой бюджет", "сколько скажете", "готов заплатить", "готова заплатить", "готовы заплатить", "оплачу", "беру ", "берем ", "возьму ", "давайте оформим", "оформляйте",
        "записывайте", "по рукам",
        "келісемін", "келістік", "бағасы жақсы", "бағасы қолайлы", "бағасы дұрыс", "бағасы норм", "қолайлы", "ақша бар", "бюджет бар",
        "бағасы маңызды емес", "сәйкес келеді", "төлеймін");

    private static readonly Lexicon AcceptingWhenAsked = new(
        "нормально", "норм ", "ок ", "окей", "ok ", "да ", "пойдет", "годится", "хорошо", "иә ", "иа ", "ия ", "жарайды", "болады", "жақсы", "не важно", "неважно");

    private static readonly string[] UpToCues = Folded("до ", "не больше ", "не более ", "максимум ", "макс ", "в пределах ", "не дороже ");
    private static readonly string[] FromCues = Folded("от ", "минимум ", "не меньше ", "не менее ", "больше ");
    private static readonly string[] BudgetCues = Folded(
        "бюджет", "в районе", "около", "примерно", "где-то", "где то", "за ", "цена", "ценой", "стоимост", "рассчитыва", "готов", "могу", "плачу",
        "заплатить", "шамамен", "шамасы", "сумма", "суммой");
    private static readonly string UpToAfter = TextNormalizer.FoldEntry("дейін");
    private static readonly string FromAfter = TextNormalizer.FoldEntry("бастап");
    private static readonly string[] NotMoneyUnits =
        ["год", "лет", "дн", "день", "недел", "мес", "час", "мин", "кв", "м2", "м ", "метр", "комнат", "шт", "%", "см", "км", "гб", "тб", "ай",
         "апта", "кун", "жыл", "сагат", "раз", "человек", "кис", "этаж", "модел", "про", "сери", "дюим", "ии", "ыи", "го ", "ого", "ка ", "числ", "штук", "дана", "сотк", "соток", "га "];

    private static string[] Folded(params string[] cues) => cues.Select(TextNormalizer.FoldEntry).ToArray();

    [GeneratedRegex(@"(?<![\d.,])(?<number>\d{1,3}(?:[ .]\d{3})+(?![\d])|\d+(?:[.,]\d+)?)(?:\s?(?<unit>к(?![а-я])|тыс[а-я]*\.?|тыщ[а-я]*|мын[а-я]*|млн[а-я]*\.?|миллион[а-я]*|лям[а-я]*))?(?:\s?(?<currency>тг|тенге[а-я]*|тнг|кзт)(?![а-я]))?", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"(?:тыс[а-я]*|тыщ[а-я]*)\s(?:на\s|в\s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsBefore();

    [GeneratedRegex(@"^\s*(?:-|–|—|до|по|\.\.\.?|…)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeJoin();

    public static Signal? Read(NormalizedText text, QualificationFactor? asked = null, IReadOnlyList<(int Start, int Length)>? phoneSpans = null)
    {
        var range = FindAmount(text, asked == QualificationFactor.Budget, phoneSpans);
        var haggle = NotExpensive.FirstMatch(text) is null ? Haggling.FirstMatch(text) : null;
        if (range is not null)
        {
            var evidence = haggle is null ? Evidence.Confirmed : Evidence.Strong;
            return new Signal(QualificationFactor.Budget, evidence, $"budget {range}{(haggle is null ? "" : $", finds it «{haggle}»")}") { Budget = range };
        }
        if (NoMoney.FirstMatch(text) is { } broke)
            return new Signal(QualificationFactor.Budget, Evidence.Negative, $"no money now («{broke}»)");
        if (haggle is not null)
            return new Signal(QualificationFactor.Budget, Evidence.Weak, $"price-sensitive («{haggle}»)");
        if ((NotExpensive.FirstMatch(text) ?? Accepting.FirstMatch(text)) is { } accepted)
            return new Signal(QualificationFactor.Budget, Evidence.Confirmed, $"accepts the price («{accepted}»)");
        if (asked == QualificationFactor.Budget && AcceptingWhenAsked.FirstMatch(text) is { } agreed && !TimelineExtractor.Postpones(text))
            return new Signal(QualificationFactor.Budget, Evidence.Strong, $"agrees on budget («{agreed}»)");
        return null;
    }

    public static BudgetRange? FindAmount(NormalizedText text, bool budgetAsked = false, IReadOnlyList<(int Start, int Length)>? phoneSpans = null)
    {
        var source = text.Folded;
        if (phoneSpans is not null)
        {
            var chars = source.ToCharArray();
            foreach (var (start, length) in phoneSpans)
            {
                for (var index = start; index < start + length && index < chars.Length; index++)
                    chars[index] = ' ';
            }
            source = new string(chars);
        }
        var cleaned = NumberWords.ToDigits(Clean(source));
        var amounts = AmountPattern().Matches(cleaned).Select(match => Read(match, cleaned, budgetAsked)).OfType<Amount>().ToList();
        for (var index = 0; index + 1 < amounts.Count; index++)
        {
            var (first, second) = (amounts[index], amounts[index + 1]);
            var between = cleaned[first.End..second.Start];
            if ((second.Qualifies || (first.Plausible && second.Plausible)) && (RangeJoin().IsMatch(between) || (first.From && first.HasUnit && between.Trim().Length == 0)))
            {
                var low = first.HasUnit || first.Value >= 1000 ? first.Value : first.Value * second.Multiplier;
                return new BudgetRange(Math.Min(low, second.Value), Math.Max(low, second.Value));
            }
        }
        var best = amounts.FirstOrDefault(amount => amount.Qualifies && amount.HasUnit) ?? amounts.FirstOrDefault(amount => amount.Qualifies);
        if (best is null)
            return null;
        if (best.UpTo)
            return new BudgetRange(null, best.Value);
        if (best.From)
            return new BudgetRange(best.Value, null);
        return new BudgetRange(best.Value, best.Value);
    }

    /// <summary><see cref="Plausible"/>: could be money (≥ 1000 and not a year) though nothing says so; two of them joined by a dash are a budget range.</summary>
    private sealed record Amount(decimal Value, decimal Multiplier, bool HasUnit, bool Qualifies, bool Plausible, bool UpTo, bool From, int Start, int End);

    private static Amount? Read(Match match, string text, bool budgetAsked)
    {
        var written = match.Groups["number"].Value;
        var digits = written.Replace(" ", "", StringComparison.Ordinal);
        if (written.Contains(' ', StringComparison.Ordinal) || (digits.Contains('.', StringComparison.Ordinal) && digits.Length - digits.LastIndexOf('.') == 4))
            digits = digits.Replace(".", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return null;
        var unit = match.Groups["unit"].Value;
        var currency = match.Groups["currency"].Value;
        var millions = (unit.StartsWith('м') && !unit.StartsWith("мын", StringComparison.Ordinal)) || unit.StartsWith('л');
        var before = text[Math.Max(0, match.Index - 24)..match.Index];
        var after = text[(match.Index + match.Length)..].TrimStart();
        var thousandsBefore = unit.Length == 0 && ThousandsBefore().IsMatch(before);
        var multiplier = unit.Length == 0 ? thousandsBefore ? 1000m : 1m : millions ? 1_000_000m : 1000m;
        var hasUnit = unit.Length > 0 || currency.Length > 0 || thousandsBefore;
        if (!hasUnit && NotMoneyUnits.Any(word => after.StartsWith(word, StringComparison.Ordinal)))
            return null;
        var upTo = UpToCues.Any(cue => before.EndsWith(cue, StringComparison.Ordinal)) || after.StartsWith(UpToAfter, StringComparison.Ordinal)
                   || after.StartsWith("га " + UpToAfter, StringComparison.Ordinal);
        var from = FromCues.Any(cue => before.EndsWith(cue, StringComparison.Ordinal)) || after.StartsWith(FromAfter, StringComparison.Ordinal)
                   || (unit + currency).EndsWith("нан", StringComparison.Ordinal) || (unit + currency).EndsWith("нен", StringComparison.Ordinal);
        var budgetWord = before.Contains("бюджет", StringComparison.Ordinal);
        var hasCue = upTo || from || budgetWord || BudgetCues.Any(cue => before.Contains(cue, StringComparison.Ordinal));
        var value = number * multiplier;
        var qualifies = hasUnit;
        var year = number is >= 1950 and <= 2035 && !budgetWord;
        if (!hasUnit && !year)
        {
            if (value >= 1000)
                qualifies = hasCue || budgetAsked;
            else if (budgetAsked || budgetWord)
            {
                value *= 1000;
                multiplier = 1000;
                qualifies = true;
            }
        }
        return new Amount(value, multiplier, hasUnit, qualifies, hasUnit || (!year && value >= 1000), upTo, from, match.Index, match.Index + match.Length);
    }

    private static string Clean(string folded)
    {
        var chars = folded.ToCharArray();
        for (var index = 0; index < chars.Length; index++)
        {
            var character = chars[index];
            var betweenDigits = index > 0 && index + 1 < chars.Length && char.IsDigit(chars[index - 1]) && char.IsDigit(chars[index + 1]);
            if (char.IsLetterOrDigit(character) || character is ' ' or '-' or '–' or '—' or '…' || (character is '.' or ',' && betweenDigits))
                continue;
            chars[index] = ' ';
        }
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
