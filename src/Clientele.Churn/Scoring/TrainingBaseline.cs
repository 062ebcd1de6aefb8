using System.Globalization;

namespace Clientele.Churn.Scoring;

/// <summary>
/// One feature's training histogram. Bin i holds values ≤ Edges[i] (and > Edges[i-1]); the last bin holds the rest,
/// so there is one more share than edges. Categorical features put their edges half-way between categories.
/// </summary>
public sealed record FeatureBaseline(string Feature, bool Categorical, IReadOnlyList<double> Edges, IReadOnlyList<string> Labels, IReadOnlyList<double> Shares)
{
    public int BinOf(double value)
    {
        var bin = 0;
        while (bin < Edges.Count && value > Edges[bin])
        {
            bin++;
        }
        return bin;
    }

    public double[] SharesOf(IEnumerable<double> values)
    {
        var counts = new double[Edges.Count + 1];
        var total = 0;
        foreach (var value in values)
        {
            counts[BinOf(value)]++;
            total++;
        }
        return counts.Select(count => total == 0 ? 0 : count / total).ToArray();
    }
}

/// <summary>The training distribution of the seven fields, kept with a model version to measure drift against.</summary>
public sealed record TrainingBaseline(IReadOnlyList<FeatureBaseline> Features, int Rows)
{
    private static readonly HashSet<string> CategoricalNames = ["products", "credit_card", "active"];

    /// <summary>Deciles for numeric fields (duplicate edges merged, e.g. the many zero balances); one bin per seen value for products and the flags.</summary>
    public static TrainingBaseline Of(IReadOnlyList<ChurnFeatures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("A baseline needs at least one row.", nameof(rows));
        }
        var features = ChurnFeatures.Names.Select((name, field) =>
        {
            var values = rows.Select(row => row.Value(field)).Order().ToArray();
            var categorical = CategoricalNames.Contains(name);
            var edges = categorical ? Midpoints(values) : Deciles(values);
            var labels = categorical ? Categories(name, values) : Ranges(edges);
            var histogram = new FeatureBaseline(name, categorical, edges, labels, []);
            return histogram with { Shares = histogram.SharesOf(values) };
        }).ToList();
        return new TrainingBaseline(features, rows.Count);
    }

    private static double[] Deciles(double[] sorted) =>
        Enumerable.Range(1, 9).Select(decile => Quantile(sorted, decile / 10.0)).Distinct().ToArray();

    private static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double[] Midpoints(double[] sorted)
    {
        var categories = sorted.Distinct().ToArray();
        return categories.Zip(categories.Skip(1), (low, high) => (low + high) / 2).ToArray();
    }

    private static string[] Categories(string name, double[] sorted) =>
        sorted.Distinct().Select(value => name == "products"
            ? value.ToString(CultureInfo.InvariantCulture)
            : value == 0 ? "no" : "yes").ToArray();

    private static string[] Ranges(double[] edges)
    {
        static string Show(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        if (edges.Length == 0)
        {
            return ["all"];
        }
        return [
            "≤ " + Show(edges[0]),
            .. edges.Skip(1).Select((edge, position) => $"{Show(edges[position])}–{Show(edge)}"),
            "> " + Show(edges[^1]),
        ];
    }
}
