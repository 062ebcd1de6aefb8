namespace Clientele.Leads.Qualification;

/// <summary>
/// Words and phrases matched at the start of a word in <see cref="NormalizedText.Words"/>, so a stem («сломал») finds its
/// forms («сломался», «сломалась»); an entry ending in a space must match a whole word («да »). Entries are folded as
/// messages are, so one spelling covers Kazakh letters, Latin transliteration and lookalikes; a match is reported in
/// the entry's own spelling, for explanations people read.
/// </summary>
public sealed class Lexicon
{
    private readonly (string Folded, string Written)[] entries;

    public Lexicon(params IEnumerable<string> words) =>
        entries = words.Select(word => (Folded: " " + TextNormalizer.FoldEntry(word), Written: word.Trim()))
            .Where(entry => entry.Folded.Trim().Length > 0).DistinctBy(entry => entry.Folded).ToArray();

    public string? FirstMatch(NormalizedText text)
    {
        foreach (var (folded, written) in entries)
        {
            if (text.Words.Contains(folded, StringComparison.Ordinal))
                return written;
        }
        return null;
    }

    public int CountMatches(NormalizedText text) => entries.Count(entry => text.Words.Contains(entry.Folded, StringComparison.Ordinal));

    public Lexicon With(IEnumerable<string> more) =>
        new(entries.Select(entry => entry.Folded.EndsWith(' ') ? entry.Written + " " : entry.Written).Concat(more));
}
