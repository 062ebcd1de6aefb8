using System.Text.RegularExpressions;

namespace Clientele.Banking.Offers.Push;

/// <summary>The word lists and patterns behind P01–P22: CTA whitelist, product stems, stop-lists.</summary>
internal static partial class PushVocabulary
{
    public const RegexOptions Words = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Thousand-group separators accepted in amounts: U+0020, U+00A0, U+202F.</summary>
    public const string Sep = "[ \u00A0\u202F]";

    public static readonly IReadOnlySet<string> AllowedCaps = new HashSet<string>(StringComparer.Ordinal) { "USD", "EUR", "RUB", "KZT", "KDIF", "Visa", BankVocabulary.Categories.Fuel };

    /// <summary>A CTA: a whitelisted verb, optionally its object, then up to two more words (2–4 words; the verb alone is tolerated).</summary>
    [GeneratedRegex(@"^(?:(?:Открыть|Откройте)(?: (?:карту|вклад|счёт|счет))?|(?:Оформить|Оформите)(?: (?:карту|сейчас|предзаказ))?|(?:Настроить|Настройте)(?: обмен)?|(?:Посмотреть|Посмотрите)(?: условия)?|(?:Подключить|Подключите)(?: сейчас)?|(?:Узнать|Узнайте)(?: (?:доступный лимит|лимит))?)(?: [\p{L}\-]+){0,2}[.!]?$")]
    public static partial Regex Cta();

    [GeneratedRegex(@"^Хотите оформить\?$")]
    public static partial Regex CtaQuestion();

    [GeneratedRegex(@"(?<!\p{L})(?:открыть|откройте|оформить|оформите|настроить|настройте|посмотреть|посмотрите|подключить|подключите|узнать|узнайте)(?!\p{L})", Words)]
    public static partial Regex CtaVerb();

    [GeneratedRegex(@"(?<=[.!?…])\s+")]
    public static partial Regex SentenceBreak();

    [GeneratedRegex(@"(?<!(?:^|[.!?…][»""]?)\s*)(?<!\p{L})(?:Вы|Вас|Вам|Вами|Ваш|Ваша|Ваше|Ваши|Вашего|Вашей|Вашему|Вашим|Вашими|Ваших|Вашу)(?!\p{L})")]
    public static partial Regex CapitalisedYou();

    [GeneratedRegex(@"(?<!\p{L})(?:ты|тебя|тебе|тобой|тобою|твой|твоя|твоё|твое|твои|твоего|твоей|твоему|твоим|твоими|твоих|твою)(?!\p{L})", Words)]
    public static partial Regex InformalYou();

    [GeneratedRegex(@"\p{L}+")]
    public static partial Regex Word();

    /// <summary>An amount before ₸: groups of three or plain digits, optional decimals after a comma or a dot.</summary>
    [GeneratedRegex(@"(?<![\d,.])(\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[,.](\d+))?[ \u00A0\u202F]?₸")]
    public static partial Regex Amount();

    [GeneratedRegex(@"\d+(?:[,.]\d+)?[ \u00A0\u202F]?%")]
    public static partial Regex PercentFigure();

    /// <summary>A count: a whole number followed by what is counted (not a period such as «до 2 месяцев», not a range).</summary>
    [GeneratedRegex(@"(?<![\d,.–-])(\d+)(?![\d,.–-])\s+(?!(?:месяц|год|лет|дн|недел|час|минут)\p{L}*)\p{L}", Words)]
    public static partial Regex CountedInteger();

    [GeneratedRegex(@"\d{4,}[ \u00A0\u202F]?₸")]
    public static partial Regex UngroupedAmount();

    [GeneratedRegex(@"\d₸")]
    public static partial Regex NoSpaceBeforeTenge();

    [GeneratedRegex(@"\d,\d{3}(?!\d)")]
    public static partial Regex ThousandsComma();

    [GeneratedRegex(@"\d\.\d{1,2}[ \u00A0\u202F]?₸")]
    public static partial Regex DotDecimalsInMoney();

    [GeneratedRegex(@"\d[ \u00A0\u202F]?(?:тг|KZT|тенге)(?!\p{L})|(?<!\p{L})(?:тг|KZT|тенге)\.?[ \u00A0\u202F]?\d", Words)]
    public static partial Regex OtherCurrencyWord();

    [GeneratedRegex(@"\d\.\d+[ \u00A0\u202F]?%")]
    public static partial Regex DotPercent();

    [GeneratedRegex(@"\b\d{4}-\d{1,2}-\d{1,2}\b")]
    public static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,4}/\d{1,2}(?:/\d{1,4})?\b")]
    public static partial Regex SlashDate();

    [GeneratedRegex(@"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2}(?!\d|\.\d)")]
    public static partial Regex ShortYearDate();

    [GeneratedRegex(@"(?<!\p{L})(?:январь|январю|январём|январем|февраль|февралю|февралём|февралем|март|марту|мартом|апрель|апрелю|апрелем|май|маю|маем|июнь|июню|июнем|июль|июлю|июлем|август|августу|августом|сентябрь|сентябрю|сентябрём|сентябрем|октябрь|октябрю|октябрём|октябрем|ноябрь|ноябрю|ноябрём|ноябрем|декабрь|декабрю|декабрём|декабрем)(?!\p{L})", Words)]
    public static partial Regex MonthWrongCase();

    [GeneratedRegex(@"(?<!\p{L})(?:срочн\p{L}*|только сегодня|успейте|последний шанс|не упустите|гарантированн\p{L}*|лучшее предложение|бесплатно навсегда)", Words)]
    public static partial Regex Pressure();

    [GeneratedRegex(@"(?<!\p{L})(?:осуществл\p{L}*|в целях|данн(?:ый|ая|ое|ые|ого|ой|ому|ым|ыми|ых|ую)|явля(?:ется|ются|ющ\p{L}*)|производится|в рамках|уведомляем|предоставляется)(?!\p{L})", Words)]
    public static partial Regex Officialese();

    [GeneratedRegex(@"слишком много тратите|вы переплачиваете|(?<!\p{L})безответственн\p{L}*|долги растут", Words)]
    public static partial Regex Moralising();

    [GeneratedRegex(@"доход\p{L}*\s+до\s+\d+(?:[.,]\d+)?\s?%|(?<!\p{L})заработа\p{L}*|(?<!\p{L})гарант\p{L}*", Words)]
    public static partial Regex ReturnPromise();

    [GeneratedRegex(@"срочно\s+нужн\p{L}*(?:\s+\p{L}+)?\s+деньг|нужн\p{L}*\s+срочно\s+деньг|деньги\s+нужны\s+срочно", Words)]
    public static partial Regex UrgentMoney();

    [GeneratedRegex(@"(?<!\p{L})(?:бабки|бабок|бабло|бабла|жми|без геморра|геморно|халява|халяву|чувак|кринж\p{L}*|изи|лол|зашквар\p{L}*|тачка|тачку|зашибись|лавэ|бро)(?!\p{L})", Words)]
    public static partial Regex Slang();

    /// <summary>How each product may be named in a text (its name or its stem).</summary>
    public static readonly IReadOnlyDictionary<string, Regex> ProductStems = new Dictionary<string, Regex>
    {
        [Products.TravelCard] = new(@"карт\p{L}*\s+для\s+путешеств", Words),
        [Products.PremiumCard] = new(@"премиальн\p{L}*\s+карт", Words),
        [Products.CreditCard] = new(@"кредитн\p{L}*\s+карт", Words),
        [Products.CurrencyExchange] = new(@"обмен\p{L}*\s+валют", Words),
        [Products.CashLoan] = new(@"кредит\p{L}*\s+наличн", Words),
        [Products.MultiCurrencyDeposit] = new(@"мультивалютн", Words),
        [Products.SavingsDeposit] = new(@"сберегательн", Words),
        [Products.AccumulativeDeposit] = new(@"накопительн", Words),
        [Products.Investments] = new(@"инвестиц|брокерск\p{L}*\s+сч", Words),
        [Products.GoldBars] = new(@"золот\p{L}*\s+слит|(?<!\p{L})слит(?:ок|ки|ков|ках|кам|ками|ка|ку)(?!\p{L})", Words),
    };
}
