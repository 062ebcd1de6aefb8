using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Clientele.Retail.Segmentation;

/// <summary>RFM segmentation: log-scaled, standardised features, k-means (ML.NET, k-means++ start, one thread, seeded), named segments.</summary>
public static class CustomerSegmenter
{
    public static CustomerSegmentation Segment(
        IEnumerable<Purchase> purchases, DateOnly referenceDate, IEnumerable<long>? customers = null, SegmentationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var features = Rfm.Compute(purchases, referenceDate);
        var buyers = features.Select(feature => feature.CustomerId).ToHashSet();
        var idle = (customers ?? []).Where(customer => !buyers.Contains(customer)).Distinct().Order().ToArray();
        return Segment(features, options) with { WithoutPurchases = idle };
    }

    public static CustomerSegmentation Segment(IReadOnlyList<RfmFeatures> features, SegmentationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new SegmentationOptions();
        Validate(options);
        if (features.Count == 0)
        {
            return new CustomerSegmentation(0, 0, new Dictionary<int, double>(), [], [], []);
        }
        var points = Rfm.Scale(features);
        var distinct = points.Select(point => (point[0], point[1], point[2])).Distinct().Count();
        var silhouettes = new SortedDictionary<int, double>();
        int[] clusters;
        if (options.Clusters is { } given)
        {
            clusters = KMeans(points, Math.Min(given, distinct), options.Seed);
        }
        else
        {
            clusters = new int[points.Length];
            var best = double.NegativeInfinity;
            for (var count = options.MinClusters; count <= Math.Min(options.MaxClusters, distinct - 1); count++)
            {
                var trial = KMeans(points, count, options.Seed);
                var score = Silhouette.Score(points, trial, options.SilhouetteSample, options.Seed);
                silhouettes[count] = score;
                if (score > best)
                {
                    best = score;
                    clusters = trial;
                }
            }
        }
        var silhouette = Silhouette.Score(points, clusters, options.SilhouetteSample, options.Seed);
        return Describe(features, points, clusters, silhouette, silhouettes);
    }

    private static CustomerSegmentation Describe(
        IReadOnlyList<RfmFeatures> features, double[][] points, int[] clusters, double silhouette, IReadOnlyDictionary<int, double> silhouettes)
    {
        var totalRevenue = features.Sum(feature => feature.Monetary);
        var groups = Enumerable.Range(0, features.Count).GroupBy(index => clusters[index])
            .Select(group =>
            {
                var members = group.ToArray();
                var recencyScore = -members.Average(index => points[index][0]);
                var valueScore = members.Average(index => (points[index][1] + points[index][2]) / 2);
                return (Members: members, RecencyScore: recencyScore, ValueScore: valueScore);
            })
            .OrderByDescending(group => group.RecencyScore + group.ValueScore)
            .ThenBy(group => group.Members[0])
            .ToArray();
        var labels = SegmentLabels.Name(groups.Select(group => (group.RecencyScore, group.ValueScore)).ToArray());

        var profiles = new List<SegmentProfile>();
        var assigned = new CustomerSegment[features.Count];
        for (var segment = 0; segment < groups.Length; segment++)
        {
            var members = groups[segment].Members.Select(index => features[index]).ToArray();
            var revenue = members.Sum(member => member.Monetary);
            profiles.Add(new SegmentProfile(
                segment, labels[segment], members.Length,
                members.Average(member => member.RecencyDays), Median(members.Select(member => (decimal)member.RecencyDays)),
                members.Average(member => member.Frequency), Median(members.Select(member => (decimal)member.Frequency)),
                members.Average(member => member.Monetary), (decimal)Median(members.Select(member => member.Monetary)),
                revenue, totalRevenue == 0 ? 0 : (double)(revenue / totalRevenue),
                groups[segment].RecencyScore, groups[segment].ValueScore));
            foreach (var index in groups[segment].Members)
            {
                assigned[index] = new CustomerSegment(features[index].CustomerId, segment, labels[segment], features[index]);
            }
        }
        return new CustomerSegmentation(groups.Length, silhouette, silhouettes, profiles, assigned, []);
    }

    /// <summary>Cluster indexes 0..k−1 (empty clusters dropped and the rest renumbered).</summary>
    internal static int[] KMeans(double[][] points, int clusterCount, int seed)
    {
        if (clusterCount <= 1)
        {
            return new int[points.Length];
        }
        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(points.Select(point => new Row { Features = Array.ConvertAll(point, value => (float)value) }));
        var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
            NumberOfClusters = clusterCount,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = 1000,
            OptimizationTolerance = 1e-7f,
        });
        var predicted = trainer.Fit(data).Transform(data).GetColumn<uint>("PredictedLabel").ToArray();
        var renumbered = new Dictionary<uint, int>();
        return Array.ConvertAll(predicted, label => renumbered.TryGetValue(label, out var index) ? index : renumbered[label] = renumbered.Count);
    }

    private static double Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return (double)(sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    private static void Validate(SegmentationOptions options)
    {
        if (options.Clusters is { } clusters)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1, nameof(options.Clusters));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinClusters, 2, nameof(options.MinClusters));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxClusters, options.MinClusters, nameof(options.MaxClusters));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SilhouetteSample, 2, nameof(options.SilhouetteSample));
    }

    private sealed class Row
    {
        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
