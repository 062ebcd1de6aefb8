namespace Clientele.Retail.Bundling;

/// <summary>Baskets as dense item ids with the labels they stand for (id = index into <see cref="Labels"/>, in order of first appearance).</summary>
public sealed record BasketSet(IReadOnlyList<int[]> Baskets, IReadOnlyList<string> Labels);

public static class BasketFile
{
    /// <summary>
    /// One basket per line, items separated by <paramref name="separator"/>, no header, no quoting. Labels are kept
    /// exactly (Groceries has labels that end in a blank); a repeated item counts once; blank lines are skipped.
    /// </summary>
    public static BasketSet Read(TextReader reader, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        var baskets = new List<int[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var basket = new List<int>();
            foreach (var label in line.Split(separator))
            {
                if (label.Length == 0)
                {
                    continue;
                }
                if (!ids.TryGetValue(label, out var id))
                {
                    id = labels.Count;
                    ids.Add(label, id);
                    labels.Add(label);
                }
                if (!basket.Contains(id))
                {
                    basket.Add(id);
                }
            }
            if (basket.Count > 0)
            {
                baskets.Add([.. basket]);
            }
        }
        return new BasketSet(baskets, labels);
    }

    public static BasketSet Read(string path, char separator = ',')
    {
        using var reader = new StreamReader(path);
        return Read(reader, separator);
    }
}
