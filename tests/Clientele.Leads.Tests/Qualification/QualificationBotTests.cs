using Clientele.Leads.Qualification;
using Microsoft.Extensions.AI;

namespace Clientele.Leads.Tests.Qualification;

public sealed class QualificationBotTests
{
    private readonly QualificationBot bot = new();

    private static ConversationMessage Lead(string text) => new(Senders.Lead, text);

    [Fact]
    public void The_first_reply_greets_and_asks_the_niche_question_in_the_leads_language()
    {
        var russian = bot.Reply(ConversationState.Start("electronics_repair"), Lead("Здравствуйте, интересует ремонт MacBook"));
        var kazakh = bot.Reply(ConversationState.Start("electronics_repair"), Lead("Сәлеметсіз бе, ноутбук жөндейсіздер ме?"));

        Assert.StartsWith("Здравствуйте!", russian.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal(Language.Russian, russian.Reply.Language);
        Assert.Equal("bot", russian.Reply.Sender);
        Assert.StartsWith("Сәлеметсіз бе!", kazakh.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal(Language.Kazakh, kazakh.Reply.Language);
    }

    [Fact]
    public void It_skips_what_the_lead_already_said_and_asks_each_question_once()
    {
        var state = ConversationState.Start("electronics_repair");
        var turn = bot.Reply(state, Lead("Ноутбук не включается, нужно срочно, сегодня"));

        Assert.Equal("budget", turn.Reply!.Step);
        turn = bot.Reply(turn.Conversation, Lead("15к"));
        Assert.Equal(QualificationStatus.Hot, turn.Assessment.Status);
        Assert.Equal("contact", turn.Reply!.Step);
        turn = bot.Reply(turn.Conversation, Lead("8 777 123 45 67"));
        Assert.Equal(ScriptStep.ClosingId, turn.Reply!.Step);
        var steps = turn.Conversation.Messages.Where(message => message.Sender == Senders.Bot).Select(message => message.Step).ToList();
        Assert.Equal(steps.Count, steps.Distinct().Count());
    }

    [Fact]
    public void A_lead_who_answers_slowly_is_asked_every_question_in_script_order()
    {
        var turn = bot.Reply(ConversationState.Start("furniture"), Lead("Здравствуйте"));
        var steps = new List<string> { turn.Reply!.Step };
        foreach (var answer in new[] { "Нужен шкаф в прихожую", "В этом месяце", "до 150 тысяч", "да, я сам", "87011234567" })
        {
            turn = bot.Reply(turn.Conversation, Lead(answer));
            steps.Add(turn.Reply!.Step);
        }

        Assert.Equal(["need", "timeline", "budget", "authority", "contact", ScriptStep.ClosingId], steps);
        Assert.Equal(Authority.DecisionMaker, turn.Assessment.Authority);
        Assert.Equal(QualificationStatus.Qualified, turn.Assessment.Status);
    }

    [Fact]
    public void A_hot_lead_with_a_phone_gets_the_closing_and_then_silence()
    {
        var state = ConversationState.Start("beauty", new LeadProfile(Phone: "+7 777 123 4567"));
        var turn = bot.Reply(state, Lead("Хочу записаться на маникюр сегодня вечером, цена устраивает"));

        Assert.Equal(QualificationStatus.Hot, turn.Assessment.Status);
        Assert.Equal(ScriptStep.ClosingId, turn.Reply!.Step);
        Assert.Null(bot.Reply(turn.Conversation, Lead("Спасибо!")).Reply);
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("operator")]
    [InlineData("human")]
    public void The_bot_stops_once_a_human_has_written(string sender)
    {
        var first = bot.Reply(ConversationState.Start("furniture"), Lead("Нужен диван"));
        var human = bot.Reply(first.Conversation, new ConversationMessage(sender, "Добрый день, я менеджер, подскажу"));
        var after = bot.Reply(human.Conversation, Lead("Бюджет 200 тысяч, на этой неделе"));

        Assert.NotNull(first.Reply);
        Assert.Null(human.Reply);
        Assert.Null(after.Reply);
        Assert.True(after.Conversation.HumanJoined);
        Assert.Equal(200000, after.Assessment.Budget!.Max);
    }

    [Fact]
    public void Spam_gets_no_answer()
    {
        var turn = bot.Reply(ConversationState.Start("auto_parts"), Lead("Заработок от 100к в день! Пиши t.me/rich_kz"));

        Assert.Equal(QualificationStatus.Spam, turn.Assessment.Status);
        Assert.Null(turn.Reply);
        Assert.True(turn.Assessment.QualityScore <= 30);
    }

    [Fact]
    public void Repeating_the_same_text_is_spam()
    {
        var state = ConversationState.Start("general");
        BotTurn? turn = null;
        for (var count = 0; count < 3; count++)
        {
            turn = bot.Reply(state, Lead("Добрый день добрый день"));
            state = turn.Conversation;
        }

        Assert.Contains(turn!.Assessment.Spam, finding => finding.Signal == SpamSignal.RepeatedText);
        Assert.Equal(QualificationStatus.Spam, turn.Assessment.Status);
    }

    [Fact]
    public void The_reply_follows_the_language_of_each_message()
    {
        var turn = bot.Reply(ConversationState.Start("home_repair"), Lead("Здравствуйте, нужен ремонт ванной"));
        Assert.Equal(Language.Russian, turn.Reply!.Language);

        turn = bot.Reply(turn.Conversation, Lead("Келесі айда бастасақ"));
        Assert.Equal(Language.Kazakh, turn.Reply!.Language);
        Assert.Equal("budget", turn.Reply.Step);
        Assert.Contains("бюджет", turn.Reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_assessment_explains_every_factor_and_reads_the_form()
    {
        var state = ConversationState.Start("electronics_repair", new LeadProfile("Иван Иванов", "+7 777 123 4567", 15000, "whatsapp"));

        var assessment = bot.Assess(state);

        Assert.Equal(5, assessment.Factors.Count);
        Assert.Equal(Evidence.Confirmed, assessment.EvidenceFor(QualificationFactor.Budget));
        Assert.Equal(Evidence.Confirmed, assessment.EvidenceFor(QualificationFactor.Contact));
        Assert.Equal("+77771234567", assessment.Phone!.E164);
        Assert.Equal(QualificationStatus.Contacted, assessment.Status);
        Assert.InRange(assessment.QualityScore, 0, 100);
    }

    [Fact]
    public void A_bot_message_without_a_stored_step_is_recognised_by_its_text()
    {
        var script = NicheScripts.For("furniture");
        var question = script.Find("budget")!;
        var state = ConversationState.Start("furniture")
            .With(Lead("Нужен шкаф"))
            .With(new ConversationMessage(Senders.Bot, question.Russian));

        var turn = bot.Reply(state, Lead("150"));

        Assert.Equal(150000, turn.Assessment.Budget!.Max);
    }

    [Fact]
    public void A_state_rebuilt_from_stored_messages_scores_as_the_live_one()
    {
        var live = ConversationState.Start("home_repair");
        foreach (var text in new[] { "Нужен электрик, розетки не работают", "до 15 тысяч", "завтра с утра", "сама решаю" })
            live = bot.Reply(live, Lead(text)).Conversation;
        var stored = ConversationState.Start("home_repair") with { Messages = [.. live.Messages] };
        var edited = live with { Messages = [.. live.Messages.Select(message => message.Text == "до 15 тысяч" ? message with { Text = "дорого" } : message)] };

        Assert.Equal(bot.Assess(live).QualityScore, bot.Assess(stored).QualityScore);
        Assert.Equal(bot.Assess(live).Status, bot.Assess(stored).Status);
        Assert.Equal(Evidence.Weak, bot.Assess(edited).EvidenceFor(QualificationFactor.Budget));
    }

    [Fact]
    public void Unknown_niches_use_the_general_script()
    {
        Assert.Same(NicheScripts.General, NicheScripts.For("aquariums"));
        Assert.Same(NicheScripts.ElectronicsRepair, NicheScripts.For("Electronics-Repair"));
        Assert.Same(NicheScripts.Beauty, NicheScripts.For("beauty_salon"));
    }

    [Fact]
    public async Task The_language_model_is_off_by_default_and_only_rephrases_when_set()
    {
        var state = ConversationState.Start("electronics_repair");
        var message = Lead("Здравствуйте, телефон разбился");
        var plain = await bot.ReplyAsync(state, message);
        var chat = new FixedChatClient("Ой, сочувствую! Какая модель телефона?");
        var phrased = await new QualificationBot(new QualificationOptions { ChatClient = chat }).ReplyAsync(state, message);
        var failing = await new QualificationBot(new QualificationOptions { ChatClient = new FixedChatClient(null) }).ReplyAsync(state, message);

        Assert.Null(new QualificationOptions().ChatClient);
        Assert.Equal(bot.Reply(state, message).Reply, plain.Reply);
        Assert.Equal("Ой, сочувствую! Какая модель телефона?", phrased.Reply!.Text);
        Assert.Equal(plain.Reply!.Step, phrased.Reply.Step);
        Assert.Equal(phrased.Reply.Text, phrased.Conversation.Messages[^1].Text);
        Assert.Equal(plain.Assessment.QualityScore, phrased.Assessment.QualityScore);
        Assert.Equal(plain.Reply.Text, failing.Reply!.Text);
        Assert.Equal(1, chat.Calls);
    }

    private sealed class FixedChatClient(string? answer) : IChatClient
    {
        public int Calls { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return answer is null
                ? throw new HttpRequestException("model unreachable")
                : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
