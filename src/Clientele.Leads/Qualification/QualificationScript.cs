namespace Clientele.Leads.Qualification;

/// <summary>One thing the bot says, in both languages; <see cref="Id"/> is stored with the bot's message.</summary>
public sealed record ScriptStep(string Id, QualificationFactor? Factor, string Russian, string Kazakh)
{
    public const string ClosingId = "closing";

    public string Text(Language language) => language == Language.Kazakh ? Kazakh : Russian;
}

/// <summary>
/// A niche's dialogue: the questions in the order asked, a greeting for the first reply, a closing handed over with the
/// lead, and the words that tell the lead talks about this niche.
/// </summary>
public sealed record QualificationScript(string Niche, IReadOnlyList<string> Aliases, IReadOnlyList<ScriptStep> Questions, IReadOnlyList<string> Keywords)
{
    public static readonly ScriptStep Greeting = new("greeting", null, "Здравствуйте!", "Сәлеметсіз бе!");

    public static readonly ScriptStep Closing = new(ScriptStep.ClosingId, null,
        "Спасибо! Передаю вашу заявку менеджеру, он свяжется с вами в ближайшее время.",
        "Рақмет! Өтінішіңізді менеджерге беремін, ол жақын арада сізбен хабарласады.");

    public ScriptStep? Find(string id) =>
        id == ScriptStep.ClosingId ? Closing : Questions.FirstOrDefault(step => step.Id == id);

    /// <summary>The step a bot message asked: its stored id, else the script text it contains.</summary>
    public ScriptStep? StepOf(ConversationMessage message)
    {
        if (message.Step is { } id)
            return Find(id);
        return Questions.Append(Closing).FirstOrDefault(step =>
            message.Text.Contains(step.Russian, StringComparison.Ordinal) || message.Text.Contains(step.Kazakh, StringComparison.Ordinal));
    }
}
