using Clientele.Leads.Qualification;

namespace Clientele.Leads.Tests.Qualification;

public sealed class ExtractorTests
{
    private static NormalizedText Text(string message) => TextNormalizer.Normalize(message);

    [Theory]
    [InlineData("срочно, сегодня", Urgency.Immediate)]
    [InlineData("Можно завтра?", Urgency.Immediate)]
    [InlineData("срочна надо", Urgency.Immediate)]
    [InlineData("щас можно подъехать?", Urgency.Immediate)]
    [InlineData("не срочное дело", Urgency.Later)]
    [InlineData("только не сегодня", Urgency.Later)]
    [InlineData("ертең келемін", Urgency.Immediate)]
    [InlineData("бүгін кешке", Urgency.Immediate)]
    [InlineData("на этой неделе", Urgency.Week)]
    [InlineData("осы аптада", Urgency.Week)]
    [InlineData("в субботу", Urgency.Week)]
    [InlineData("нужен мастер до пятницы", Urgency.Week)]
    [InlineData("торт на субботу", Urgency.Week)]
    [InlineData("жұмаға дейін", Urgency.Week)]
    [InlineData("через месяц", Urgency.Month)]
    [InlineData("на следующей неделе", Urgency.Month)]
    [InlineData("келесі айда", Urgency.Month)]
    [InlineData("не срочно", Urgency.Later)]
    [InlineData("летом может быть", Urgency.Later)]
    [InlineData("асықпаймын", Urgency.Later)]
    [InlineData("я подумаю", Urgency.Later)]
    [InlineData("не горит, но в этом месяце", Urgency.Month)]
    public void Timeline(string message, Urgency expected) =>
        Assert.Equal(expected, TimelineExtractor.Read(Text(message))!.Urgency);

    [Theory]
    [InlineData("здравствуйте")]
    [InlineData("сколько стоит?")]
    public void No_timeline(string message) => Assert.Null(TimelineExtractor.Read(Text(message)));

    [Theory]
    [InlineData("я сам решаю", Authority.DecisionMaker)]
    [InlineData("беру для себя", Authority.DecisionMaker)]
    [InlineData("өзім шешемін", Authority.DecisionMaker)]
    [InlineData("надо посоветоваться с мужем", Authority.NeedsApproval)]
    [InlineData("спрошу у директора", Authority.NeedsApproval)]
    [InlineData("решаю не сама", Authority.NeedsApproval)]
    [InlineData("күйеуіммен ақылдасайын", Authority.NeedsApproval)]
    public void Authority_from_words(string message, Authority expected) =>
        Assert.Equal(expected, AuthorityExtractor.Read(Text(message))!.Authority);

    [Fact]
    public void Yes_and_no_count_as_authority_only_after_that_question()
    {
        Assert.Null(AuthorityExtractor.Read(Text("да")));
        Assert.Equal(Authority.DecisionMaker, AuthorityExtractor.Read(Text("да"), QualificationFactor.Authority)!.Authority);
        Assert.Equal(Authority.DecisionMaker, AuthorityExtractor.Read(Text("иә"), QualificationFactor.Authority)!.Authority);
        Assert.Equal(Authority.NeedsApproval, AuthorityExtractor.Read(Text("нет"), QualificationFactor.Authority)!.Authority);
    }

    [Theory]
    [InlineData("нужен ремонт ноутбука", Evidence.Confirmed)]
    [InlineData("ноутбук не включается", Evidence.Confirmed)]
    [InlineData("телефоным бұзылды, жөндеу керек", Evidence.Confirmed)]
    [InlineData("хочу", Evidence.Strong)]
    [InlineData("диван", Evidence.Strong)]
    [InlineData("просто интересуюсь", Evidence.Weak)]
    [InlineData("жай сұрап тұрмын", Evidence.Weak)]
    [InlineData("уже не актуально", Evidence.Negative)]
    [InlineData("керек емес", Evidence.Negative)]
    public void Need(string message, Evidence expected) =>
        Assert.Equal(expected, NeedExtractor.Read(Text(message), NicheScripts.KeywordsFor(null))!.Evidence);

    [Fact]
    public void The_niche_name_adds_its_words()
    {
        Assert.Null(NeedExtractor.Read(Text("аквариум"), NicheScripts.KeywordsFor(null)));
        Assert.Equal(Evidence.Strong, NeedExtractor.Read(Text("аквариум"), NicheScripts.KeywordsFor("Аквариумы под ключ"))!.Evidence);
    }

    [Theory]
    [InlineData("пишите t.me/money_kz", SpamSignal.Link)]
    [InlineData("https://bit.ly/abc", SpamSignal.Link)]
    [InlineData("Заработок от 50 000 в день", SpamSignal.Advertising)]
    [InlineData("Наша компания предлагает рекламные услуги", SpamSignal.Advertising)]
    [InlineData("ақша табу оңай", SpamSignal.Advertising)]
    [InlineData("пошел нахуй", SpamSignal.Profanity)]
    [InlineData("фывапролд", SpamSignal.Gibberish)]
    [InlineData("asdfgh qwerty", SpamSignal.Gibberish)]
    [InlineData("ккккккк", SpamSignal.Gibberish)]
    [InlineData("Hi! We are offering web development services", SpamSignal.Advertising)]
    [InlineData("Мы команда разработчиков, сделаем бота для вашего бизнеса", SpamSignal.Advertising)]
    public void Spam_signals(string message, SpamSignal expected) =>
        Assert.Contains(SpamDetector.Read(Text(message)), finding => finding.Signal == expected);

    [Theory]
    [InlineData("Здравствуйте, нужен ремонт ноутбука, срочно")]
    [InlineData("Сәлеметсіз бе, қанша тұрады?")]
    [InlineData("увидел вашу рекламу, сколько стоит курс?")]
    [InlineData("оооочень срочно")]
    [InlineData("спс")]
    [InlineData("Мой телеграм @aigerim_99")]
    public void Ordinary_messages_are_not_spam(string message) => Assert.Empty(SpamDetector.Read(Text(message)));
}
