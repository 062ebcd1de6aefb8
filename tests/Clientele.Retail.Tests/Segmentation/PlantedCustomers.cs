using Clientele.Retail.Segmentation;

namespace Clientele.Retail.Tests.Segmentation;

/// <summary>Customers drawn from planted groups with clearly different recency, frequency and spend.</summary>
internal static class PlantedCustomers
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    public sealed record Group(string Name, int FirstId, (int Low, int High) Recency, (int Low, int High) Frequency, (decimal Low, decimal High) Ticket);

    public static readonly Group Champions = new("Champions", 1000, (1, 6), (20, 30), (4000m, 6000m));
    public static readonly Group AtRisk = new("At risk", 2000, (150, 200), (15, 25), (4000m, 6000m));
    public static readonly Group New = new("New", 3000, (1, 8), (1, 1), (1500m, 2500m));
    public static readonly Group Hibernating = new("Hibernating", 4000, (250, 330), (1, 2), (500m, 1000m));

    public static IReadOnlyList<Group> All { get; } = [Champions, AtRisk, New, Hibernating];

    public static List<Purchase> Purchases(IEnumerable<Group> groups, int perGroup = 40, int seed = 7)
    {
        var random = new Random(seed);
        var purchases = new List<Purchase>();
        foreach (var group in groups)
        {
            for (var customer = 0; customer < perGroup; customer++)
            {
                var id = group.FirstId + customer;
                var last = Today.AddDays(-random.Next(group.Recency.Low, group.Recency.High + 1));
                var count = random.Next(group.Frequency.Low, group.Frequency.High + 1);
                for (var purchase = 0; purchase < count; purchase++)
                {
                    var amount = Math.Round(group.Ticket.Low + (group.Ticket.High - group.Ticket.Low) * (decimal)random.NextDouble());
                    purchases.Add(new Purchase(id, last.AddDays(-purchase * random.Next(3, 8)), amount));
                }
            }
        }
        return purchases;
    }

    public static Group GroupOf(long customerId) => All.Single(group => customerId >= group.FirstId && customerId < group.FirstId + 1000);
}
