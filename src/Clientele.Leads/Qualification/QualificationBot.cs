using Clientele.Leads.Phones;

namespace Clientele.Leads.Qualification;

/// <summary>What the bot says back (as sender `bot`), in which language, and the script step to store with it.</summary>
public sealed record BotReply(string Text, Language Language, string Step)
{
    public string Sender => Senders.Bot;

    public ConversationMessage ToMessage() => new(Senders.Bot, Text, Step);
}

/// <summary>One turn: the reply (null when the bot stays silent), the lead's new assessment, and the conversation with both messages.</summary>
public sealed record BotTurn(BotReply? Reply, Assessment Assessment, ConversationState Conversation);

/// <summary>
/// The first-line responder of issue 17: it reads every lead message, re-scores the lead and asks the next question of
/// the niche's script about a factor still unknown, in the language of the lead's last message. It says nothing once a
/// person of the business has written, to spam, or after its closing message.
/// </summary>
public sealed class QualificationBot(QualificationOptions? options = null)
{
    public QualificationOptions Options { get; } = options ?? new QualificationOptions();

    public BotTurn Reply(ConversationState conversation, ConversationMessage incoming)
    {
        var (assessment, updated) = Read(conversation.With(incoming));
        var reply = Senders.IsLead(incoming.Sender) ? NextReply(updated, assessment) : null;
        return new BotTurn(reply, assessment, reply is null ? updated : updated.With(reply.ToMessage()));
    }

    /// <summary>As <see cref="Reply"/>; with a chat client configured, the model rephrases the scripted text (falling back to it on any failure).</summary>
    public async Task<BotTurn> ReplyAsync(ConversationState conversation, ConversationMessage incoming, CancellationToken cancellationToken = default)
    {
        var turn = Reply(conversation, incoming);
        if (Options.ChatClient is null || turn.Reply is null)
            return turn;
        var phrased = await LanguageModelPhrasing.PhraseAsync(Options.ChatClient, turn.Reply, incoming.Text, Options.ChatTimeout, cancellationToken);
        var reply = turn.Reply with { Text = phrased };
        var messages = turn.Conversation.Messages.Take(turn.Conversation.Messages.Count - 1).Append(reply.ToMessage()).ToList();
        return turn with { Reply = reply, Conversation = turn.Conversation with { Messages = messages } };
    }

    public Assessment Assess(ConversationState conversation) => Read(conversation).Assessment;

    /// <summary>Scores the conversation, reading only the messages the state has not read yet, and returns the state with its readings.</summary>
    private (Assessment Assessment, ConversationState Conversation) Read(ConversationState conversation)
    {
        var script = NicheScripts.For(conversation.NicheCategory);
        var nicheWords = NicheScripts.KeywordsFor(conversation.NicheName);
        var cached = conversation.Readings is { } cache && cache.NicheCategory == conversation.NicheCategory && cache.NicheName == conversation.NicheName
            ? cache.Messages
            : [];
        var readings = new List<MessageReading?>(conversation.Messages.Count);
        var signals = new Dictionary<QualificationFactor, Signal>();
        var spam = new List<SpamFinding>();
        var language = Language.Russian;
        QualificationFactor? asked = null;
        BudgetRange? budget = null;
        NormalizedPhone? phone = null;

        if (conversation.Lead.Budget is > 0 and var stated)
        {
            budget = new BudgetRange(stated, stated);
            Keep(signals, new Signal(QualificationFactor.Budget, Evidence.Confirmed, $"budget {budget} (lead form)") { Budget = budget });
        }
        if (conversation.Lead.Phone is { } formPhone)
        {
            phone = PhoneNormalizer.Normalize(formPhone).Phone;
            Keep(signals, phone is null
                ? new Signal(QualificationFactor.Contact, Evidence.Weak, $"lead form phone is not valid ({formPhone})")
                : ContactExtractor.Rate(phone, "lead form"));
            if (phone is { IsKazakh: false, IsRussian: false })
                spam.Add(new SpamFinding(SpamSignal.ForeignPhone, SpamDetector.ForeignPhonePenalty, phone.Display));
        }

        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < conversation.Messages.Count; index++)
        {
            var message = conversation.Messages[index];
            if (Senders.IsBot(message.Sender))
                asked = script.StepOf(message)?.Factor;
            if (!Senders.IsLead(message.Sender))
            {
                readings.Add(null);
                continue;
            }
            var reading = index < cached.Count && cached[index] is { } known && known.Message == message.Text && known.Asked == asked
                ? known
                : MessageReading.Read(message.Text, nicheWords, asked);
            readings.Add(reading);
            language = LanguageDetector.Decide(reading.LanguageScores, language);
            phone = reading.Phone ?? phone;
            foreach (var signal in reading.Signals)
            {
                Keep(signals, signal);
                budget = signal.Budget ?? budget;
            }
            spam.AddRange(reading.Spam);
            if (reading.RepeatKey.Length >= 8)
            {
                repeats[reading.RepeatKey] = repeats.GetValueOrDefault(reading.RepeatKey) + 1;
                if (repeats[reading.RepeatKey] == 3)
                    spam.Add(new SpamFinding(SpamSignal.RepeatedText, SpamDetector.RepeatedTextPenalty, message.Text));
            }
        }

        var factors = Enum.GetValues<QualificationFactor>().Select(factor => LeadScorer.Score(factor, signals.GetValueOrDefault(factor))).ToList();
        var score = LeadScorer.Total(factors, spam);
        var urgency = signals.GetValueOrDefault(QualificationFactor.Timeline)?.Urgency;
        var (status, reason) = StatusRules.Decide(score, factors, spam, urgency, Options);
        var assessment = new Assessment(score, status, reason, factors, spam, language)
        {
            Budget = budget,
            Urgency = urgency,
            Authority = signals.GetValueOrDefault(QualificationFactor.Authority)?.Authority,
            Phone = phone,
        };
        return (assessment, conversation with { Readings = new ReadingCache(conversation.NicheCategory, conversation.NicheName, readings) });
    }

    /// <summary>The newest evidence wins, except that of two positive answers the stronger stays.</summary>
    private static void Keep(Dictionary<QualificationFactor, Signal> signals, Signal signal)
    {
        if (signals.TryGetValue(signal.Factor, out var current) && current.Evidence >= Evidence.Strong && signal.Evidence >= Evidence.Strong
            && current.Evidence > signal.Evidence)
            return;
        signals[signal.Factor] = signal;
    }

    private static BotReply? NextReply(ConversationState conversation, Assessment assessment)
    {
        if (conversation.HumanJoined || assessment.Status == QualificationStatus.Spam)
            return null;
        var script = NicheScripts.For(conversation.NicheCategory);
        var botMessages = conversation.Messages.Where(message => Senders.IsBot(message.Sender)).ToList();
        var askedSteps = botMessages.Select(script.StepOf).OfType<ScriptStep>().Select(step => step.Id).ToHashSet(StringComparer.Ordinal);
        if (askedSteps.Contains(ScriptStep.ClosingId))
            return null;
        var language = assessment.Language;
        var contactKnown = assessment.EvidenceFor(QualificationFactor.Contact) >= Evidence.Strong;
        ScriptStep step;
        if (assessment.Status == QualificationStatus.Hot && contactKnown)
            step = QualificationScript.Closing;
        else if (assessment.Status == QualificationStatus.Hot && !askedSteps.Contains("contact"))
            step = script.Find("contact")!;
        else
            step = script.Questions.FirstOrDefault(question => !askedSteps.Contains(question.Id)
                       && assessment.EvidenceFor(question.Factor!.Value) < Evidence.Strong) ?? QualificationScript.Closing;
        var text = botMessages.Count == 0
            ? $"{QualificationScript.Greeting.Text(language)} {step.Text(language)}"
            : step.Text(language);
        return new BotReply(text, language, step.Id);
    }
}
