using System.Globalization;
using Clientele.Retail.Rules;

namespace Clientele.Retail.Pages;

public sealed record GraphNode(int Sku, string Name, double X, double Y, double LabelX, double LabelY, string Anchor);

public sealed record GraphEdge(int From, int To, double X1, double Y1, double X2, double Y2, double Lift, double Confidence, double Width, string Colour);

/// <summary>
/// The strongest rules as a directed graph: products on a circle, an edge from every antecedent product to every consequent
/// product (the strongest rule between a pair wins; the <see cref="MaxEdges"/> strongest pairs are drawn), thicker and redder with lift.
/// </summary>
public sealed record RuleGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, double MinLift, double MaxLift)
{
    public const double Size = 560;
    public const double NodeRadius = 7;
    public const int MaxEdges = 30;
    private const double Radius = 190;
    private const double LabelGap = 12;

    // Rules come strongest first; one itemset makes many rules over the same pairs, so pass more rules than edges.
    public static RuleGraph Of(IReadOnlyList<RuleView> rules, int maxEdges = MaxEdges)
    {
        var pairs = new Dictionary<(int From, int To), RuleView>();
        var names = new Dictionary<int, string>();
        foreach (var rule in rules)
        {
            foreach (var item in rule.Antecedents.Concat(rule.Consequents))
            {
                names.TryAdd(item.ProductSku, item.ProductName ?? $"#{item.ProductSku}");
            }
            foreach (var from in rule.Antecedents)
            {
                foreach (var to in rule.Consequents)
                {
                    if (!pairs.TryGetValue((from.ProductSku, to.ProductSku), out var known) || known.Lift < rule.Lift)
                    {
                        pairs[(from.ProductSku, to.ProductSku)] = rule;
                    }
                }
            }
        }
        var drawn = pairs.OrderByDescending(p => p.Value.Lift).ThenByDescending(p => p.Value.Confidence).Take(maxEdges).ToList();
        pairs = drawn.ToDictionary(p => p.Key, p => p.Value);
        var order = names.Keys.Where(sku => pairs.Keys.Any(k => k.From == sku || k.To == sku)).ToList();
        var centre = Size / 2;
        var nodes = order.Select((sku, index) =>
        {
            var angle = 2 * Math.PI * index / Math.Max(1, order.Count) - Math.PI / 2;
            var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
            return new GraphNode(sku, names[sku], centre + Radius * cos, centre + Radius * sin,
                centre + (Radius + LabelGap) * cos, centre + (Radius + LabelGap) * sin + 4,
                cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle");
        }).ToDictionary(n => n.Sku);
        var lifts = pairs.Values.Select(r => r.Lift).ToList();
        var (min, max) = lifts.Count == 0 ? (0, 0) : (lifts.Min(), lifts.Max());
        var edges = pairs.OrderBy(p => p.Value.Lift).Select(pair =>
        {
            var (from, to) = (nodes[pair.Key.From], nodes[pair.Key.To]);
            var strength = max > min ? (pair.Value.Lift - min) / (max - min) : 1;
            var (dx, dy) = (to.X - from.X, to.Y - from.Y);
            var length = Math.Max(1e-9, Math.Sqrt(dx * dx + dy * dy));
            var (ux, uy) = (dx / length, dy / length);
            // Ends stop at the nodes' rims, so the arrowhead stays visible.
            return new GraphEdge(pair.Key.From, pair.Key.To, from.X + ux * NodeRadius, from.Y + uy * NodeRadius,
                to.X - ux * (NodeRadius + 2), to.Y - uy * (NodeRadius + 2), pair.Value.Lift, pair.Value.Confidence, 1 + 4 * strength, Colour(strength));
        }).ToList();
        return new RuleGraph([.. order.Select(sku => nodes[sku])], edges, min, max);
    }

    /// <summary>From a light blue (weakest lift shown) to a deep red (strongest).</summary>
    public static string Colour(double strength)
    {
        var clamped = Math.Clamp(strength, 0, 1);
        int Mix(int weak, int strong) => (int)Math.Round(weak + (strong - weak) * clamped);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(0x90, 0xc6):x2}{Mix(0xca, 0x28):x2}{Mix(0xf9, 0x28):x2}");
    }

    public static string Short(string name, int length = 22) => name.Length <= length ? name : name[..(length - 1)] + "…";

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
