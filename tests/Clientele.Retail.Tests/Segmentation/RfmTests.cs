using Clientele.Retail.Segmentation;

namespace Clientele.Retail.Tests.Segmentation;

public sealed class RfmTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    [Fact]
    public void Recency_frequency_and_monetary_per_customer_ordered_by_id()
    {
        Purchase[] purchases =
        [
            new(2, new DateOnly(2025, 6, 1), 100m), new(1, new DateOnly(2025, 6, 29), 50.5m),
            new(2, new DateOnly(2025, 6, 20), 250m), new(2, new DateOnly(2025, 5, 1), -30m),
        ];

        var features = Rfm.Compute(purchases, Today);

        Assert.Equal([new RfmFeatures(1, 1, 1, 50.5m), new RfmFeatures(2, 10, 3, 320m)], features);
    }

    [Fact]
    public void Purchases_after_the_reference_date_are_left_out_and_one_on_it_is_recency_zero()
    {
        Purchase[] purchases = [new(1, Today, 10m), new(1, Today.AddDays(1), 99m), new(2, Today.AddDays(5), 10m)];

        var features = Rfm.Compute(purchases, Today);

        Assert.Equal([new RfmFeatures(1, 0, 1, 10m)], features);
    }

    [Fact]
    public void Scaled_columns_have_mean_zero_and_deviation_one_and_refunds_count_as_zero_spend()
    {
        RfmFeatures[] features = [new(1, 0, 1, 10m), new(2, 30, 4, 1000m), new(3, 365, 2, -50m)];

        var scaled = Rfm.Scale(features);

        for (var column = 0; column < 3; column++)
        {
            Assert.Equal(0, scaled.Average(row => row[column]), 12);
            Assert.Equal(1, Math.Sqrt(scaled.Average(row => row[column] * row[column])), 12);
        }
        Assert.True(scaled[2][2] < scaled[0][2]);
    }

    [Fact]
    public void A_constant_column_scales_to_zero()
    {
        var scaled = Rfm.Scale([new RfmFeatures(1, 5, 2, 10m), new RfmFeatures(2, 5, 3, 10m)]);

        Assert.All(scaled, row => Assert.Equal((0.0, 0.0), (row[0], row[2])));
    }

    [Fact]
    public void Silhouette_of_two_tight_far_groups_is_near_one_and_of_a_bad_split_is_low()
    {
        double[][] points = [[0, 0], [0, 1], [10, 0], [10, 1]];

        var good = Silhouette.Score(points, [0, 0, 1, 1]);
        var bad = Silhouette.Score(points, [0, 1, 0, 1]);

        // a = 1, b = mean(10, √101) for each point.
        var expected = 1 - 1 / ((10 + Math.Sqrt(101)) / 2);
        Assert.Equal(expected, good, 12);
        Assert.True(bad < 0);
        Assert.Equal(0, Silhouette.Score(points, [0, 0, 0, 0]));
    }

    [Fact]
    public void Silhouette_counts_a_point_alone_in_its_cluster_as_zero()
    {
        double[][] points = [[0], [1], [5]];

        var score = Silhouette.Score(points, [0, 0, 1]);

        // point 0: a=1, b=5 → 0.8; point 1: a=1, b=4 → 0.75; point 2 alone → 0.
        Assert.Equal((0.8 + 0.75) / 3, score, 12);
    }

    [Fact]
    public void Segment_labels_follow_the_centroid_quadrants()
    {
        var labels = SegmentLabels.Name([(1.2, 1.0), (0.9, 0.4), (1.0, -1.0), (-1.0, 0.8), (-1.5, -1.2), (-0.5, -0.3), (0.2, -0.2)]);

        Assert.Equal(["Champions", "Loyal", "New", "At risk", "Lost", "Hibernating", "Promising"], labels);
        Assert.Equal(["All customers"], SegmentLabels.Name([(0, 0)]));
        Assert.Equal(["Hibernating", "Lost", "Lost 2"], SegmentLabels.Name([(-0.1, -0.1), (-0.2, -0.2), (-0.3, -0.3)]));
    }
}
