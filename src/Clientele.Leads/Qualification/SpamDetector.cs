using System.Text.RegularExpressions;

namespace Clientele.Leads.Qualification;

public enum SpamSignal
{
    Link,
    Advertising,
    Gibberish,
    Profanity,
    RepeatedText,
    ForeignPhone,
}

/// <summary>One spam signal in one message and the points it takes off the score.</summary>
public sealed record SpamFinding(SpamSignal Signal, int Penalty, string Quote);

/// <summary>Links, advertising and money-making offers, keyboard mashing, profanity; repetition and foreign phones are found across the conversation.</summary>
public static partial class SpamDetector
{
    public const int LinkPenalty = 25;
    public const int AdvertisingPenalty = 30;
    public const int GibberishPenalty = 25;
    public const int ProfanityPenalty = 25;
    public const int RepeatedTextPenalty = 30;
    public const int ForeignPhonePenalty = 15;

    private const string Vowels = "аеёиоуыэюяәөұүіieaouy";

    private static readonly Lexicon Advertising = new(
        "заработок", "заработать", "зарабатывай", "зарабатывать", "доход от", "пассивный доход", "дополнительный доход", "доход в день",
        "рекламные услуги", "разместить рекламу", "размещение рекламы", "настройка рекламы", "настроим рекламу", "таргетированная реклама", "продвижение", "продвинем", "раскрутка", "раскрутим", "подписчиков", "накрутка", "лайков",
        "сотрудничество", "сотрудничеству", "для вашего бизнеса", "вашего бизнеса", "вашему бизнесу", "для вашей компании",
        "мы команда", "наша команда", "бизнесіңізге", "бизнесіңізді", "предлагаем", "предлагаю услуги", "наша компания", "наши услуги", "наш магазин",
        "казино", "ставки на спорт", "букмекер", "1xbet", "крипта", "криптовалют", "биткоин", "бинанс", "выигрыш", "вы выиграли",
        "розыгрыш", "приз ", "переходи по ссылке", "переходите по ссылке", "перейдите по ссылке", "жми на ссылку", "пишите в лс",
        "подпишись", "подписывайтесь", "работа на дому", "удаленная работа", "набираем сотрудников", "вакансия", "кредит без",
        "займ без", "без справок", "быстрые деньги", "база клиентов", "базу клиентов", "базы клиентов", "клиенттер базасы", "рассылка", "рассылки", "бот для", "сайт под ключ",
        "ақша табу", "табыс табу", "жарнама береміз", "жарнама орналастыр", "ұтыс", "ұтып алдыңыз", "сілтеме бойынша", "серіктестік", "жазылыңыз",
        "үйден жұмыс", "қосымша табыс", "жұмыс ұсынамыз", "ұсынамыз", "подработк", "требуются сотрудники", "сетевой маркетинг", "млм ",
        "гербалайф", "орифлейм", "earn", "crypto", "casino", "investment", "cooperation", "business offer", "click", "subscribe", "we offer",
        "we are offering", "our services", "our company", "web development", "website development", "seo ", "smm ", "marketing services",
        "visit our", "make money", "free trial", "dear sir", "dear customer", "promotion");

    private static readonly Lexicon Profanity = new(
        "хуй", "хуе", "хуя", "хуи", "пизд", "ебан", "ебал", "ебат", "ебу ", "заеб", "наеб", "выеб", "отъеб", "бляд", "блят", "бля ",
        "мудак", "мудил", "долбоеб", "долбаеб", "пидор", "пидар", "гандон", "залуп", "шлюх", "сука ", "суки ", "сучка", "нахер", "нахуй",
        "похер", "херня", "дебил", "идиот", "урод", "тварь", "сігейін", "сиктир", "қотақ", "шешеңді", "шешеңнің", "ақымақ", "хуйня");

    private static readonly string[] KeyboardRuns = ["йцук", "цуке", "фыва", "ывап", "апро", "ячсм", "qwer", "wert", "asdf", "sdfg", "zxcv", "hjkl", "ролд", "олдж", "джэ"];

    [GeneratedRegex(@"(https?://|www\.|t\.me/|wa\.me/|bit\.ly|\b[a-z0-9-]{2,}\.(ru|com|kz|net|org|io|me|info|xyz|top|site|online|shop|biz|club|link|pro)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    public static IReadOnlyList<SpamFinding> Read(NormalizedText text)
    {
        var findings = new List<SpamFinding>();
        if (LinkPattern().Match(text.Lowered) is { Success: true } link)
            findings.Add(new SpamFinding(SpamSignal.Link, LinkPenalty, link.Value));
        if (Advertising.FirstMatch(text) is { } advert)
            findings.Add(new SpamFinding(SpamSignal.Advertising, AdvertisingPenalty, advert));
        if (Profanity.FirstMatch(text) is { } rude)
            findings.Add(new SpamFinding(SpamSignal.Profanity, ProfanityPenalty, rude));
        if (GibberishWord(text) is { } mash)
            findings.Add(new SpamFinding(SpamSignal.Gibberish, GibberishPenalty, mash));
        return findings;
    }

    /// <summary>The first nonsense word when most words of the message are nonsense; one typo in a real sentence is not spam.</summary>
    public static string? GibberishWord(NormalizedText text)
    {
        var words = text.Lowered.Split([' ', '.', ',', '!', '?', ')', '(', '-', ':', ';', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.All(char.IsLetter) && word.Length >= 3).ToList();
        if (words.Count == 0 || LinkPattern().IsMatch(text.Lowered))
            return null;
        var nonsense = words.Where(IsNonsense).ToList();
        return nonsense.Count * 2 >= words.Count ? nonsense.FirstOrDefault() : null;
    }

    private static bool IsNonsense(string word)
    {
        if (KeyboardRuns.Any(run => word.Contains(run, StringComparison.Ordinal)))
            return true;
        var vowels = word.Count(letter => Vowels.Contains(letter, StringComparison.Ordinal));
        if (word.Length >= 4 && vowels == 0)
            return true;
        if (word.Length >= 6 && vowels * 6 < word.Length)
            return true;
        var run = 0;
        foreach (var letter in word)
        {
            run = Vowels.Contains(letter, StringComparison.Ordinal) ? 0 : run + 1;
            if (run >= 5)
                return true;
        }
        var latin = word.Count(TextNormalizer.IsLatin);
        return latin > 0 && latin < word.Length && word.Any(TextNormalizer.IsCyrillic);
    }
}
