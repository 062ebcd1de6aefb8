using Clientele.Retail.Pages;
using Clientele.Retail.Rules;

namespace Clientele.Retail.Tests.Pages;

/// <summary>The plain parts of the retail pages: the rule network's layout and the sales page's weeks and donut.</summary>
public sealed class RetailPageModelTests
{
    private static RuleView Rule(int[] antecedents, int[] consequents, double lift, double confidence = 0.5) => new(
        1, 1, [.. antecedents.Select(s => new ItemView(s, $"P{s}"))], [.. consequents.Select(s => new ItemView(s, s == 4 ? null : $"P{s}"))],
        0.1, confidence, lift, 0.01, null);

    [Fact]
    public void The_graph_has_a_node_per_product_and_an_edge_per_pair_keeping_the_strongest_rule()
    {
        var graph = RuleGraph.Of([Rule([1], [2], 2), Rule([1, 3], [2], 5, 0.9), Rule([2], [4], 1.5), Rule([1], [2], 3)]);

        Assert.Equal([1, 2, 3, 4], graph.Nodes.Select(n => n.Sku).Order());
        Assert.Equal("#4", graph.Nodes.Single(n => n.Sku == 4).Name);
        Assert.Equal(3, graph.Edges.Count);
        var strongest = graph.Edges.Single(e => e.From == 1 && e.To == 2);
        Assert.Equal(5, strongest.Lift);
        Assert.Equal(0.9, strongest.Confidence);
        Assert.Equal((1.5, 5.0), (graph.MinLift, graph.MaxLift));
        Assert.Equal(5, graph.Edges.Max(e => e.Width));
        Assert.Equal(1, graph.Edges.Min(e => e.Width));
        Assert.Equal(RuleGraph.Colour(1), graph.Edges.MaxBy(e => e.Lift)!.Colour);
        Assert.Equal(RuleGraph.Colour(0), graph.Edges.MinBy(e => e.Lift)!.Colour);
    }

    [Fact]
    public void Only_the_strongest_pairs_are_drawn_with_their_products()
    {
        var graph = RuleGraph.Of([Rule([1], [2], 2), Rule([3], [4], 9), Rule([5], [6], 4)], maxEdges: 2);

        Assert.Equal([(3, 4), (5, 6)], graph.Edges.Select(e => (e.From, e.To)).Order());
        Assert.Equal([3, 4, 5, 6], graph.Nodes.Select(n => n.Sku).Order());
        Assert.Equal((4.0, 9.0), (graph.MinLift, graph.MaxLift));
    }

    [Fact]
    public void Nodes_lie_on_the_circle_and_edges_stop_at_their_rims()
    {
        var graph = RuleGraph.Of([Rule([1], [2], 2), Rule([3], [4], 2)]);
        var centre = RuleGraph.Size / 2;

        var radii = graph.Nodes.Select(n => Math.Round(Math.Sqrt(Math.Pow(n.X - centre, 2) + Math.Pow(n.Y - centre, 2)), 6)).Distinct().ToList();
        Assert.Single(radii);
        foreach (var edge in graph.Edges)
        {
            var from = graph.Nodes.Single(n => n.Sku == edge.From);
            Assert.Equal(RuleGraph.NodeRadius, Math.Sqrt(Math.Pow(edge.X1 - from.X, 2) + Math.Pow(edge.Y1 - from.Y, 2)), 6);
        }
    }

    [Fact]
    public void No_rules_draw_nothing_and_one_lift_is_drawn_at_full_strength()
    {
        Assert.Empty(RuleGraph.Of([]).Nodes);
        var single = RuleGraph.Of([Rule([1], [2], 2)]);
        Assert.Equal(RuleGraph.Colour(1), single.Edges.Single().Colour);
        Assert.Equal("#90caf9", RuleGraph.Colour(-3));
        Assert.Equal("#c62828", RuleGraph.Colour(7));
    }

    [Fact]
    public void Weeks_start_on_monday_and_add_up_the_days()
    {
        var overview = new SalesOverview(new SalesFigures(60, 3, 2),
            [new RevenuePoint(new DateOnly(2025, 6, 1), 10, 1), new RevenuePoint(new DateOnly(2025, 6, 2), 20, 1), new RevenuePoint(new DateOnly(2025, 6, 8), 30, 1)],
            [], [], []);

        var weeks = overview.Weeks();

        Assert.Equal([new RevenuePoint(new DateOnly(2025, 5, 26), 10, 1), new RevenuePoint(new DateOnly(2025, 6, 2), 50, 2)], weeks);
        Assert.Equal(20, overview.Figures.AverageBasket);
        Assert.Equal(0, new SalesFigures(0, 0, 0).AverageBasket);
    }

    [Fact]
    public void A_donut_keeps_the_largest_slices_and_sums_the_rest()
    {
        LabelAmount[] shares = [new("a", 50), new("b", 30), new("c", 10), new("d", 6), new("e", 4)];

        Assert.Same(shares, SalesQueries.Donut(shares, 5));
        Assert.Equal([new("a", 50), new("b", 30), new LabelAmount("Other", 20)], SalesQueries.Donut(shares, 3));
    }

    [Fact]
    public void Money_is_whole_tenge_with_thin_groups()
    {
        Assert.Equal("1 610 ₸", Tenge.Format(1610.4m));
        Assert.Equal("−2 ₸", Tenge.Format(-1.5m));
        Assert.Equal("12 345", Tenge.Number(12345));
        Assert.Equal("0.50", Tenge.Number(0.5, 2));
    }
}
