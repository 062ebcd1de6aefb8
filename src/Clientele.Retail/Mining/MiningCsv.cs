using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Clientele.Retail.Mining;

/// <summary>
/// CSV output: each itemset a JSON array of item labels in one quoted field. Itemsets: <c>itemset,support,count</c>;
/// rules: <c>antecedents,consequents,support,confidence,lift,leverage,conviction</c> (conviction <c>inf</c> when the
/// confidence is 1, as pandas writes it).
/// </summary>
public static class MiningCsv
{
    public static void WriteItemsets(FrequentItemsets itemsets, Stream output)
    {
        ArgumentNullException.ThrowIfNull(itemsets);
        using var writer = new ItemsetCsvWriter(output, itemsets.Labels, itemsets.BasketCount);
        for (var i = 0; i < itemsets.Count; i++)
        {
            writer.Add(itemsets.Items(i), itemsets.SupportCount(i));
        }
    }

    public static void WriteRules(IEnumerable<AssociationRule> rules, IReadOnlyList<string> labels, Stream output)
    {
        ArgumentNullException.ThrowIfNull(rules);
        using var writer = new ByteWriter(output);
        var encoded = EncodeLabels(labels);
        writer.Write("antecedents,consequents,support,confidence,lift,leverage,conviction\n"u8);
        foreach (var rule in rules)
        {
            WriteItemset(writer, rule.Antecedent, encoded);
            writer.Write((byte)',');
            WriteItemset(writer, rule.Consequent, encoded);
            foreach (var value in (ReadOnlySpan<double>)[rule.Support, rule.Confidence, rule.Lift, rule.Leverage, rule.Conviction])
            {
                writer.Write((byte)',');
                writer.Write(Encoding.ASCII.GetBytes(Format(value)));
            }
            writer.Write((byte)'\n');
        }
    }

    /// <summary>Python's spelling: shortest round-trip digits, <c>inf</c> for infinity.</summary>
    public static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A label as a JSON string (quote, backslash and control characters escaped, the rest as UTF-8) with its quotes doubled for the quoted CSV field.</summary>
    internal static byte[][] EncodeLabels(IReadOnlyList<string> labels)
    {
        var encoded = new byte[labels.Count][];
        var json = new StringBuilder();
        for (var i = 0; i < labels.Count; i++)
        {
            json.Clear().Append("\"\"");
            foreach (var c in labels[i])
            {
                _ = c switch
                {
                    '"' => json.Append("\\\"\""),
                    '\\' => json.Append("\\\\"),
                    '\n' => json.Append("\\n"),
                    '\r' => json.Append("\\r"),
                    '\t' => json.Append("\\t"),
                    < ' ' => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                    _ => json.Append(c),
                };
            }
            encoded[i] = Encoding.UTF8.GetBytes(json.Append("\"\"").ToString());
        }
        return encoded;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteItemset(ByteWriter writer, ReadOnlySpan<int> items, byte[][] labels)
    {
        writer.Write("\"["u8);
        for (var k = 0; k < items.Length; k++)
        {
            if (k > 0)
            {
                writer.Write((byte)',');
            }
            writer.Write(labels[items[k]]);
        }
        writer.Write("]\""u8);
    }
}
