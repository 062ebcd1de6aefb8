using Clientele.Churn.Scoring;

namespace Clientele.Churn.Tests.Scoring;

/// <summary>Seeded customers shaped like the bank data (hump in age, 3+ products and inactivity raise churn), so the engine is tested without the dataset.</summary>
internal static class SyntheticChurn
{
    public static List<LabelledCustomer> Customers(int count, int seed, int ageShift = 0)
    {
        var random = new Random(seed);
        var rows = new List<LabelledCustomer>(count);
        for (var row = 0; row < count; row++)
        {
            var features = new ChurnFeatures(
                Age: Math.Clamp((int)Math.Round(39 + 10 * Gaussian(random)) + ageShift, 18, 92),
                Tenure: random.Next(0, 11),
                Balance: random.NextDouble() < 0.35 ? 0 : Math.Round(Math.Max(1000, 120_000 + 30_000 * Gaussian(random)), 2),
                Products: random.NextDouble() switch { < 0.50 => 1, < 0.96 => 2, < 0.99 => 3, _ => 4 },
                CreditCard: random.NextDouble() < 0.7,
                Active: random.NextDouble() < 0.5,
                Salary: Math.Round(10_000 + 190_000 * random.NextDouble(), 2));
            rows.Add(new LabelledCustomer(features, random.NextDouble() < Probability(features)));
        }
        return rows;
    }

    public static double Probability(ChurnFeatures customer)
    {
        var logit = -2.0
            + 2.2 * Math.Exp(-Math.Pow((customer.Age - 55) / 12.0, 2))
            + customer.Products switch { >= 3 => 2.5, 2 => -1.2, _ => 0 }
            + (customer.Active ? -0.9 : 0)
            + (customer.Balance == 0 ? -0.4 : 0);
        return 1 / (1 + Math.Exp(-logit));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
