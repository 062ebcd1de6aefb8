namespace Clientele.Leads.Qualification;

/// <summary>
/// Whether the lead has a need the business serves: a wish («нужен», «хочу», «керек») together with something of the
/// niche or a problem («не включается», «бұзылды») is confirmed; either alone is strong; «просто интересуюсь» is weak;
/// «уже не актуально», «керек емес» is negative.
/// </summary>
public static class NeedExtractor
{
    private static readonly Lexicon NoNeed = new(
        "не нужно", "не нужен", "не нужна", "уже не надо", "не надо", "не актуально", "неактуально", "уже не актуально", "передумал",
        "передумала", "передумали", "уже сделали", "уже сделал", "уже купил", "уже купила", "уже нашли", "уже нашел", "уже нашла",
        "ошибся", "ошиблась", "не туда", "не интересно", "не интересует", "отмена", "отбой", "отменяю",
        "керек емес", "қажет емес", "керегі жоқ", "алып қойдым", "тауып қойдым", "жасатып қойдым", "қателестім", "қызық емес", "қызықпаймын", "ойымнан айнып");

    private static readonly Lexicon JustLooking = new(
        "просто интересуюсь", "просто интересно", "просто спрашиваю", "просто спросить", "просто узнать", "просто смотрю", "пока смотрю",
        "пока просто", "для информации", "для интереса", "прицениваюсь", "ради интереса", "чисто узнать", "просто так",
        "жай сұрап", "жай ғана", "жай білгім", "қызық үшін", "әшейін", "жай қарап");

    private static readonly Lexicon Wish = new(
        "нужен", "нужна", "нужно", "нужны", "надо ", "нада ", "хочу", "хотим", "хотел бы", "хотела бы", "хотелось бы", "интересует", "интересуют",
        "требуется", "ищу", "ищем", "заказать", "закажу", "записаться", "запишите", "запиши", "купить", "куплю", "сделать", "сделаете",
        "починить", "почините", "отремонтировать", "поменять", "заменить", "замена", "помогите", "нужна помощь", "можно ли", "возьмусь",
        "беру ", "берем ", "оформить", "подобрать", "есть в наличии", "в наличии", "посмотреть квартиру", "снять", "арендовать",
        "керек", "қажет", "алғым келеді", "алайын", "аламын", "жазылғым", "жазылайын", "жазып қойыңыз", "жазыңызшы", "іздеп жүрмін",
        "іздеймін", "жасатқым", "жасатайын", "жасап бересіз", "жасайсыздар ма", "жөндеп", "ауыстыр", "көмектесіңіз", "тапсырыс", "бар ма",
        "оқығым", "үйренгім", "жалға");

    private static readonly Lexicon Problem = new(
        "сломал", "сломан", "не работает", "не включается", "не заряжается", "не грузится", "не видит", "разбил", "разбит", "треснул",
        "течет", "протекает", "капает", "залил", "залила", "глючит", "тормозит", "виснет", "зависает", "сгорел", "шумит", "стучит", "греется",
        "перегревается", "отвалил", "сел аккумулятор", "выключается", "пропал звук", "не ловит", "облез", "скрипит", "порвал",
        "бұзылды", "бұзылып", "сынды", "сынып", "істемейді", "жұмыс істемейді", "қосылмайды", "зарядталмайды", "ағып", "тамшылап", "қызып",
        "сөніп", "жанып кетті", "шу шығарады", "тарсылдайды");

    public static Signal? Read(NormalizedText text, Lexicon nicheWords)
    {
        if (NoNeed.FirstMatch(text) is { } none)
            return new Signal(QualificationFactor.Need, Evidence.Negative, $"no longer needs it («{none}»)");
        if (JustLooking.FirstMatch(text) is { } looking)
            return new Signal(QualificationFactor.Need, Evidence.Weak, $"just looking («{looking}»)");
        var wish = Wish.FirstMatch(text);
        var problem = Problem.FirstMatch(text);
        var thing = nicheWords.FirstMatch(text);
        var subject = problem ?? thing;
        if (problem is not null && thing is not null && wish is null)
            return new Signal(QualificationFactor.Need, Evidence.Confirmed, $"concrete problem («{thing}» … «{problem}»)");
        return (wish, subject) switch
        {
            ({ } wanted, { } what) => new Signal(QualificationFactor.Need, Evidence.Confirmed, $"concrete need («{wanted}» … «{what}»)"),
            (null, { } what) => new Signal(QualificationFactor.Need, Evidence.Strong, $"names what it is about («{what}»)"),
            ({ } wanted, null) => new Signal(QualificationFactor.Need, Evidence.Strong, $"wants something («{wanted}»)"),
            _ => null,
        };
    }
}
