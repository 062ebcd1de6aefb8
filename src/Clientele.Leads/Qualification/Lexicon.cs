namespace Clientele.Leads.Qualification;

/// <summary>
/// Words and phrases matched at the start of a word in <see cref="NormalizedText.Words"/>, so a stem («сломал») finds its
/// forms («сломался», «сломалась»); an entry ending in a space must match a whole word («да »). Entries are folded as
/// messages are, so one spelling covers Kazakh letters, Latin transliteration and lookalikes.
/// </summary>
public sealed class Lexicon
{
    private readonly string[] entries;

    public Lexicon(params IEnumerable<string> words) =>
        entries = words.Select(word => " " + TextNormalizer.FoldEntry(word)).Where(entry => entry.Trim().Length > 0).Distinct().ToArray();

    public string? FirstMatch(NormalizedText text)
    {
        foreach (var entry in entries)
        {
            if (text.Words.Contains(entry, StringComparison.Ordinal))
                return entry.Trim();
        }
        return null;
    }

    public bool Matches(NormalizedText text) => FirstMatch(text) is not null;

    public int CountMatches(NormalizedText text) => entries.Count(entry => text.Words.Contains(entry, StringComparison.Ordinal));

    public Lexicon With(IEnumerable<string> more) => new(entries.Select(entry => entry[1..]).Concat(more));
}
