namespace Clientele.Retail.Segmentation;

/// <summary>
/// Names segments from their centroids on two scaled axes, recency (higher: bought more recently) and value (frequency and
/// spend): the sign of each puts a segment in a quadrant, and within a quadrant segments take that quadrant's names in
/// order (a number is added past the list).
/// <list type="bullet">
/// <item>recent, valuable — by recency + value, best first: Champions, Loyal</item>
/// <item>recent, low value — by value, lowest first: New, Promising</item>
/// <item>lapsed, valuable — by value, highest first: At risk, Need attention</item>
/// <item>lapsed, low value — by recency + value, best first: Hibernating, Lost</item>
/// </list>
/// A single segment is "All customers".
/// </summary>
public static class SegmentLabels
{
    public static IReadOnlyList<string> Name(IReadOnlyList<(double Recency, double Value)> centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        var labels = new string[centroids.Count];
        if (centroids.Count == 1)
        {
            labels[0] = "All customers";
            return labels;
        }
        var indexes = Enumerable.Range(0, centroids.Count).ToArray();
        void Assign(IEnumerable<int> ordered, params string[] names)
        {
            var position = 0;
            foreach (var index in ordered)
            {
                labels[index] = position < names.Length ? names[position] : $"{names[^1]} {position - names.Length + 2}";
                position++;
            }
        }
        bool Recent(int index) => centroids[index].Recency >= 0;
        bool Valuable(int index) => centroids[index].Value >= 0;
        double Overall(int index) => centroids[index].Recency + centroids[index].Value;

        Assign(indexes.Where(index => Recent(index) && Valuable(index)).OrderByDescending(Overall), "Champions", "Loyal");
        Assign(indexes.Where(index => Recent(index) && !Valuable(index)).OrderBy(index => centroids[index].Value), "New", "Promising");
        Assign(indexes.Where(index => !Recent(index) && Valuable(index)).OrderByDescending(index => centroids[index].Value), "At risk", "Need attention");
        Assign(indexes.Where(index => !Recent(index) && !Valuable(index)).OrderByDescending(Overall), "Hibernating", "Lost");
        return labels;
    }
}
