namespace Clientele.Leads.Qualification;

/// <summary>
/// Words and phrases matched at the start of a word in <see cref="NormalizedText.Words"/>, so a stem («сломал») finds its
/// forms («сломался», «сломалась»); an entry ending in a space must match a whole word («да »). Entries are folded as
/// messages are, so one spelling covers Kazakh letters, Latin transliteration and lookalikes; a match is reported in
/// the entry's own spelling, for explanations people read. Entries are indexed by first letter: a message is read once
/// per word, not once per entry.
/// </summary>
public sealed class Lexicon
{
    private readonly (string Folded, string Written)[] entries;
    private readonly Dictionary<char, int[]> byFirstLetter;

    public Lexicon(params IEnumerable<string> words)
    {
        entries = words.Select(word => (Folded: TextNormalizer.FoldEntry(word), Written: word.Trim()))
            .Where(entry => entry.Folded.Trim().Length > 0).DistinctBy(entry => entry.Folded).ToArray();
        byFirstLetter = Enumerable.Range(0, entries.Length).GroupBy(index => entries[index].Folded[0])
            .ToDictionary(group => group.Key, group => group.ToArray());
    }

    /// <summary>The earliest entry (in the order given) found in the text.</summary>
    public string? FirstMatch(NormalizedText text)
    {
        var best = int.MaxValue;
        foreach (var index in Matching(text))
            best = Math.Min(best, index);
        return best == int.MaxValue ? null : entries[best].Written;
    }

    public int CountMatches(NormalizedText text) => Matching(text).Distinct().Count();

    public Lexicon With(IEnumerable<string> more) =>
        new(entries.Select(entry => entry.Folded.EndsWith(' ') ? entry.Written + " " : entry.Written).Concat(more));

    private IEnumerable<int> Matching(NormalizedText text)
    {
        var words = text.Words;
        for (var position = 1; position < words.Length; position++)
        {
            if (words[position - 1] != ' ' || !byFirstLetter.TryGetValue(words[position], out var candidates))
                continue;
            foreach (var index in candidates)
            {
                var entry = entries[index].Folded;
                if (string.CompareOrdinal(words, position, entry, 0, entry.Length) == 0 && position + entry.Length <= words.Length)
                    yield return index;
            }
        }
    }
}
