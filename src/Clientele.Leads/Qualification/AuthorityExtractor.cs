namespace Clientele.Leads.Qualification;

/// <summary>Who decides: «я сам решаю», «для себя», «өзім шешемін» against «надо посоветоваться с мужем», «спрошу у директора», «ақылдасамын».</summary>
public static class AuthorityExtractor
{
    private static readonly Lexicon NeedsApproval = new(
        "посоветоваться", "посоветуюсь", "посоветуемся", "обсудить с", "обсужу", "обсудим", "спрошу у", "спрошу мужа", "спрошу жену",
        "спрошу директора", "спрошу начальника", "спрошу руководство", "согласовать", "согласую", "с мужем", "с женой", "с директором",
        "с руководством", "с начальником", "с партнером", "с родителями", "решает муж", "решает жена", "решает директор", "решает начальник",
        "муж решает", "жена решает", "директор решает", "не я решаю", "не сам ", "не сама ", "решаю не я", "не мне решать", "покажу мужу", "покажу жене",
        "ақылдас", "кеңесемін", "кеңесейін", "кеңесіп", "күйеуіммен", "әйеліммен", "директормен", "бастықпен", "басшымен", "ата-анаммен",
        "анаммен", "әкеммен", "сұрап көремін", "сұрайын", "сұраймын", "күйеуім шешеді", "директор шешеді", "мен шешпеймін", "келісу керек", "келісемін бе");

    private static readonly Lexicon DecisionMaker = new(
        "я сам", "я сама", "сам решаю", "сама решаю", "решаю я", "я решаю", "решение за мной", "решение принимаю я", "я принимаю решение",
        "для себя", "себе ", "я владелец", "я хозяин", "я хозяйка", "я директор", "я собственник", "сам плачу", "сама плачу", "сам оплачу", "сама оплачу", "оплачиваю сам", "оплачиваю сама",
        "сам оплачиваю", "сама оплачиваю",
        "өзім ", "өзім шешемін", "мен шешемін", "шешімді өзім", "өзіме", "өзім үшін", "мен иесімін", "мен директормын");

    private static readonly Lexicon Yes = new("да ", "конечно", "сам ", "сама ", "я ", "иә ", "иа ", "ия ", "әрине", "мен ");

    private static readonly Lexicon No = new("нет ", "не я", "жоқ ");

    public static Signal? Read(NormalizedText text, QualificationFactor? asked = null)
    {
        if (NeedsApproval.FirstMatch(text) is { } approval)
            return new Signal(QualificationFactor.Authority, Evidence.Weak, $"needs someone's approval («{approval}»)") { Authority = Authority.NeedsApproval };
        if (DecisionMaker.FirstMatch(text) is { } decides)
            return new Signal(QualificationFactor.Authority, Evidence.Confirmed, $"decides alone («{decides}»)") { Authority = Authority.DecisionMaker };
        if (asked != QualificationFactor.Authority)
            return null;
        if (No.FirstMatch(text) is { } no)
            return new Signal(QualificationFactor.Authority, Evidence.Weak, $"does not decide alone («{no}»)") { Authority = Authority.NeedsApproval };
        if (Yes.FirstMatch(text) is { } yes)
            return new Signal(QualificationFactor.Authority, Evidence.Confirmed, $"decides alone («{yes}»)") { Authority = Authority.DecisionMaker };
        return null;
    }
}
