namespace Clientele.Leads.Qualification;

/// <summary>The languages the bot speaks; a mixed message is answered in the one that dominates it.</summary>
public enum Language
{
    Russian,
    Kazakh,
}

public static class LanguageCodes
{
    public static string Code(this Language language) => language == Language.Kazakh ? "kk" : "ru";
}

/// <summary>
/// Per message: letters only Kazakh has (ә ғ қ ң ө ұ ү һ і) and Kazakh words (also typed without those letters or in
/// Latin) against Russian words. A message with no signal keeps the conversation's language.
/// </summary>
public static class LanguageDetector
{
    private const string KazakhLetters = "әғқңөұүһі";

    private static readonly Lexicon KazakhWords = new(
        "сәлем", "салеметсиз", "саламатсыз", "ассалаумағалейкум", "керек", "қажет", "қанша", "тұрады", "бағасы", "бар ма",
        "ма ", "ме ", "ба ", "бе ", "па ", "пе ", "жоқ ", "иә ", "иа ", "рақмет", "рахмет", "жақсы", "болады", "болама", "бүгін", "ертең",
        "апта ", "аптада", "аптаның", "мен ", "менің", "маған", "сіз", "бізге", "біз ", "қашан", "қалай", "неше", "жөндеу", "жасау", "жасайсыз", "үшін",
        "дейін", "мың ", "мыңға", "мыңнан", "теңгеге", "көмек", "айтыңыз", "айтыңызшы", "қайда", "келем", "келемін", "аламын",
        "алғым", "өзім", "әйел", "күйеу", "ағай", "апай", "бауырым", "жазылу", "қазір", "шұғыл", "тез ", "осы ", "емес", "білгім",
        "бұзылды", "сынды", "істемейді", "қосылмайды", "қымбат", "ақша", "жұмыс", "ұнайды", "кешке", "таңертең", "сағат", "күні",
        "айдан", "кейін", "бастап", "арасы", "шамамен", "шешемін", "шешім", "ақылдас", "кеңес", "телефоным", "нөмірім", "жазыңыз",
        "және", "бірақ", "ғой", "ғана", "да ма", "екен", "болса", "керекпін", "іздеп", "жатыр", "жатырмын", "отыр", "келеді", "қой ");

    private static readonly Lexicon RussianWords = new(
        "здравствуйте", "здрасте", "добрый", "привет", "спасибо", "пожалуйста", "сколько", "стоит", "можно", "нужно", "нужен", "нужна",
        "хочу", "хотел", "интересует", "подскажите", "скажите", "есть ", "у вас", "у меня", "мне ", "меня ", "это ", "что ", "как ",
        "когда", "где ", "если", "нет ", "да ", "и ", "в ", "на ", "не ", "с ", "по ", "за ", "для ", "от ", "до ", "тысяч", "тенге",
        "сегодня", "завтра", "неделе", "месяц", "срочно", "сам ", "сама ", "решаю", "посоветоваться", "муж", "жена", "бюджет",
        "ремонт", "цена", "цену", "вопрос", "очень", "уже ", "еще ", "только", "просто", "будет", "было", "сделать", "делаете",
        "работает", "сломался", "сломалась", "хорошо", "понятно", "ладно", "давайте", "пока ", "потом", "думаю", "подумаю");

    public static Language Detect(NormalizedText text, Language fallback = Language.Russian) => Decide(Scores(text), fallback);

    /// <summary>Kazakh wins a tie: a lead who mixes in Kazakh is answered in Kazakh.</summary>
    public static Language Decide((int Kazakh, int Russian) scores, Language fallback) => scores switch
    {
        (0, 0) => fallback,
        var (kazakh, russian) => kazakh >= russian ? Language.Kazakh : Language.Russian,
    };

    public static (int Kazakh, int Russian) Scores(NormalizedText text)
    {
        var kazakh = 0;
        foreach (var word in text.Lowered.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.AsSpan().IndexOfAny(KazakhLetters) >= 0)
                kazakh += 2;
        }
        kazakh += KazakhWords.CountMatches(text) * 2;
        var russian = RussianWords.CountMatches(text) * 2;
        if (text.Lowered.AsSpan().IndexOfAny("щэъ") >= 0)
            russian += 1;
        return (kazakh, russian);
    }
}
