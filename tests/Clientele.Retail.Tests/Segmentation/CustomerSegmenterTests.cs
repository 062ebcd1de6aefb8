using Clientele.Retail.Segmentation;
using static Clientele.Retail.Tests.Segmentation.PlantedCustomers;

namespace Clientele.Retail.Tests.Segmentation;

public sealed class CustomerSegmenterTests
{
    [Fact]
    public void Four_planted_groups_are_recovered_exactly_with_k_chosen_by_silhouette()
    {
        var result = CustomerSegmenter.Segment(Purchases(All), Today);

        Assert.Equal(4, result.Clusters);
        Assert.Equal(Enumerable.Range(2, 7), result.SilhouetteByClusters.Keys);
        Assert.Equal(4, result.SilhouetteByClusters.MaxBy(pair => pair.Value).Key);
        Assert.True(result.Silhouette > 0.5, $"silhouette {result.Silhouette:F3}");
        foreach (var segment in result.Customers.GroupBy(customer => customer.Segment))
        {
            Assert.Single(segment.Select(customer => GroupOf(customer.CustomerId)).Distinct());
            Assert.Equal(40, segment.Count());
        }
    }

    [Fact]
    public void Planted_groups_get_the_sensible_label()
    {
        var result = CustomerSegmenter.Segment(Purchases(All), Today);

        Assert.All(result.Customers, customer => Assert.Equal(GroupOf(customer.CustomerId).Name, customer.Label));
        Assert.Equal(["Champions", "At risk", "New", "Hibernating"], result.Segments.Select(segment => segment.Label));
        Assert.Equal(Enumerable.Range(0, 4), result.Segments.Select(segment => segment.Segment));
        var overall = result.Segments.Select(segment => segment.RecencyScore + segment.ValueScore).ToArray();
        Assert.Equal(overall.OrderDescending(), overall);
    }

    [Fact]
    public void Three_planted_groups_make_k_three()
    {
        var result = CustomerSegmenter.Segment(Purchases([Champions, New, Hibernating], perGroup: 30), Today);

        Assert.Equal(3, result.Clusters);
        Assert.Equal(["Champions", "New", "Hibernating"], result.Segments.Select(segment => segment.Label));
    }

    [Fact]
    public void Profiles_give_size_mean_median_revenue_and_share()
    {
        var purchases = Purchases(All);
        var result = CustomerSegmenter.Segment(purchases, Today);

        var total = purchases.Sum(purchase => purchase.Amount);
        Assert.Equal(160, result.Segments.Sum(segment => segment.Customers));
        Assert.Equal(1, result.Segments.Sum(segment => segment.RevenueShare), 9);
        var champions = result.Segments.Single(segment => segment.Label == "Champions");
        var members = result.Customers.Where(customer => customer.Label == "Champions").Select(customer => customer.Features).ToArray();
        Assert.Equal(members.Sum(member => member.Monetary), champions.Revenue);
        Assert.Equal((double)(champions.Revenue / total), champions.RevenueShare, 12);
        Assert.Equal(members.Average(member => member.RecencyDays), champions.MeanRecencyDays, 12);
        Assert.Equal(members.Average(member => member.Frequency), champions.MeanFrequency, 12);
        Assert.Equal(members.Average(member => member.Monetary), champions.MeanMonetary);
        var frequencies = members.Select(member => member.Frequency).Order().ToArray();
        Assert.Equal((frequencies[19] + frequencies[20]) / 2.0, champions.MedianFrequency);
        Assert.InRange(champions.MedianRecencyDays, 1, 6);
        Assert.True(champions.RecencyScore > 0 && champions.ValueScore > 0);
    }

    [Fact]
    public void A_given_k_is_used_and_no_silhouette_search_is_made()
    {
        var result = CustomerSegmenter.Segment(Purchases(All), Today, options: new SegmentationOptions { Clusters = 2 });

        Assert.Equal(2, result.Clusters);
        Assert.Empty(result.SilhouetteByClusters);
        Assert.Equal(2, result.Segments.Count);
    }

    [Fact]
    public void The_same_input_gives_the_same_segments()
    {
        var first = CustomerSegmenter.Segment(Purchases(All), Today);
        var second = CustomerSegmenter.Segment(Purchases(All), Today);

        Assert.Equal(first.Customers.Select(customer => (customer.CustomerId, customer.Segment)), second.Customers.Select(customer => (customer.CustomerId, customer.Segment)));
        Assert.Equal(first.Silhouette, second.Silhouette);
    }

    [Fact]
    public void Fewer_distinct_customers_than_k_gives_one_segment_each()
    {
        Purchase[] purchases = [new(1, Today.AddDays(-1), 100m), new(2, Today.AddDays(-90), 5000m), new(2, Today.AddDays(-95), 5000m), new(3, Today.AddDays(-200), 10m)];

        var result = CustomerSegmenter.Segment(purchases, Today, options: new SegmentationOptions { Clusters = 5 });

        Assert.Equal(3, result.Clusters);
        Assert.Equal(3, result.Customers.Select(customer => customer.Segment).Distinct().Count());
    }

    [Fact]
    public void One_customer_is_one_segment_called_all_customers()
    {
        var result = CustomerSegmenter.Segment([new Purchase(7, Today.AddDays(-3), 1500m)], Today);

        var segment = Assert.Single(result.Segments);
        Assert.Equal(("All customers", 1, 1.0), (segment.Label, segment.Customers, segment.RevenueShare));
        Assert.Equal(0, result.Silhouette);
        Assert.Empty(result.SilhouetteByClusters);
        Assert.Equal(new RfmFeatures(7, 3, 1, 1500m), Assert.Single(result.Customers).Features);
    }

    [Fact]
    public void Identical_customers_are_one_segment()
    {
        var result = CustomerSegmenter.Segment(Enumerable.Range(1, 20).Select(id => new Purchase(id, Today.AddDays(-10), 999m)), Today);

        Assert.Equal(1, result.Clusters);
        Assert.Equal(20, Assert.Single(result.Segments).Customers);
    }

    [Fact]
    public void No_purchases_at_all_gives_no_segments_and_lists_the_idle_customers_apart()
    {
        var result = CustomerSegmenter.Segment([], Today, customers: [5, 3, 5]);

        Assert.Equal(0, result.Clusters);
        Assert.Empty(result.Segments);
        Assert.Empty(result.Customers);
        Assert.Equal([3L, 5L], result.WithoutPurchases);
    }

    [Fact]
    public void Customers_without_purchases_are_apart_from_the_segmented_ones()
    {
        var result = CustomerSegmenter.Segment(Purchases(All), Today, customers: [1000, 9999, 8888]);

        Assert.Equal([8888L, 9999L], result.WithoutPurchases);
        Assert.DoesNotContain(result.Customers, customer => customer.CustomerId is 8888 or 9999);
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        var purchases = Purchases([New]);

        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSegmenter.Segment(purchases, Today, options: new SegmentationOptions { Clusters = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSegmenter.Segment(purchases, Today, options: new SegmentationOptions { MinClusters = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSegmenter.Segment(purchases, Today, options: new SegmentationOptions { MinClusters = 5, MaxClusters = 4 }));
    }
}
