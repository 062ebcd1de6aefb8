namespace Clientele.Retail.Segmentation;

public static class Silhouette
{
    /// <summary>
    /// The mean silhouette of the points (Euclidean): per point (b − a) / max(a, b), a its mean distance to its own
    /// cluster, b the least mean distance to another; 0 for a point alone in its cluster. Above
    /// <paramref name="sampleSize"/> points it is computed on a seeded random sample.
    /// </summary>
    public static double Score(IReadOnlyList<double[]> points, IReadOnlyList<int> clusters, int sampleSize = 2000, int seed = 14)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(clusters);
        if (points.Count != clusters.Count)
        {
            throw new ArgumentException("One cluster per point.", nameof(clusters));
        }
        var chosen = Enumerable.Range(0, points.Count).ToArray();
        if (chosen.Length > sampleSize)
        {
            new Random(seed).Shuffle(chosen);
            chosen = chosen[..sampleSize];
            Array.Sort(chosen);
        }
        var clusterCount = chosen.Length == 0 ? 0 : chosen.Max(index => clusters[index]) + 1;
        if (clusterCount < 2)
        {
            return 0;
        }
        var sizes = new int[clusterCount];
        foreach (var index in chosen)
        {
            sizes[clusters[index]]++;
        }
        var total = 0.0;
        var sums = new double[clusterCount];
        foreach (var index in chosen)
        {
            Array.Clear(sums);
            foreach (var other in chosen)
            {
                if (other != index)
                {
                    sums[clusters[other]] += Distance(points[index], points[other]);
                }
            }
            var own = clusters[index];
            if (sizes[own] < 2)
            {
                continue;
            }
            var inside = sums[own] / (sizes[own] - 1);
            var nearest = double.PositiveInfinity;
            for (var cluster = 0; cluster < clusterCount; cluster++)
            {
                if (cluster != own && sizes[cluster] > 0)
                {
                    nearest = Math.Min(nearest, sums[cluster] / sizes[cluster]);
                }
            }
            var larger = Math.Max(inside, nearest);
            total += double.IsInfinity(nearest) || larger == 0 ? 0 : (nearest - inside) / larger;
        }
        return total / chosen.Length;
    }

    public static double Distance(double[] left, double[] right)
    {
        double sum = 0;
        for (var index = 0; index < left.Length; index++)
        {
            sum += (left[index] - right[index]) * (left[index] - right[index]);
        }
        return Math.Sqrt(sum);
    }
}
