using Clientele.Leads.Phones;

namespace Clientele.Leads.Qualification;

/// <summary>Everything one lead message says, read once: it depends only on the message, the niche and the question before it.</summary>
internal sealed record MessageReading(
    string Message,
    QualificationFactor? Asked,
    IReadOnlyList<Signal> Signals,
    IReadOnlyList<SpamFinding> Spam,
    (int Kazakh, int Russian) LanguageScores,
    NormalizedPhone? Phone,
    string RepeatKey)
{
    public static MessageReading Read(string message, Lexicon nicheWords, QualificationFactor? asked)
    {
        var text = TextNormalizer.Normalize(message);
        var phones = PhoneNormalizer.FindIn(text.Folded);
        var spam = SpamDetector.Read(text).ToList();
        foreach (var found in phones.Where(found => found.Result.Phone is { IsKazakh: false, IsRussian: false }))
            spam.Add(new SpamFinding(SpamSignal.ForeignPhone, SpamDetector.ForeignPhonePenalty, found.Written));
        Signal?[] signals =
        [
            NeedExtractor.Read(text, nicheWords),
            BudgetExtractor.Read(text, asked, phones.Select(found => (found.Start, found.Length)).ToList()),
            TimelineExtractor.Read(text),
            AuthorityExtractor.Read(text, asked),
            ContactExtractor.Read(phones, text, asked),
        ];
        return new MessageReading(
            message,
            asked,
            signals.OfType<Signal>().ToList(),
            spam,
            LanguageDetector.Scores(text),
            phones.FirstOrDefault(found => found.Result.IsValid)?.Result.Phone,
            text.Words.Trim());
    }
}
