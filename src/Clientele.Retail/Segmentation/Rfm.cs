namespace Clientele.Retail.Segmentation;

/// <summary>One purchase (a transaction) of a customer.</summary>
public sealed record Purchase(long CustomerId, DateOnly Date, decimal Amount);

/// <summary>
/// A customer's RFM features as of a reference date: days since the last purchase, number of purchases, and the sum
/// of their amounts.
/// </summary>
public sealed record RfmFeatures(long CustomerId, int RecencyDays, int Frequency, decimal Monetary);

public static class Rfm
{
    /// <summary>
    /// Features per customer with at least one purchase on or before <paramref name="referenceDate"/>, ordered by
    /// customer id. Later purchases had not happened yet as of that date and are left out.
    /// </summary>
    public static IReadOnlyList<RfmFeatures> Compute(IEnumerable<Purchase> purchases, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        return purchases
            .Where(purchase => purchase.Date <= referenceDate)
            .GroupBy(purchase => purchase.CustomerId)
            .Select(group => new RfmFeatures(
                group.Key,
                referenceDate.DayNumber - group.Max(purchase => purchase.Date).DayNumber,
                group.Count(),
                group.Sum(purchase => purchase.Amount)))
            .OrderBy(features => features.CustomerId)
            .ToArray();
    }

    /// <summary>
    /// log(1 + x) of recency, frequency and monetary value (negative sums, refunds exceeding purchases, count as 0),
    /// each then standardised to mean 0 and standard deviation 1 (a constant column becomes 0).
    /// </summary>
    public static double[][] Scale(IReadOnlyList<RfmFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = features
            .Select(feature => new[]
            {
                Math.Log(1 + feature.RecencyDays),
                Math.Log(1 + feature.Frequency),
                Math.Log(1 + Math.Max(0, (double)feature.Monetary)),
            })
            .ToArray();
        for (var column = 0; column < 3; column++)
        {
            var mean = rows.Length == 0 ? 0 : rows.Average(row => row[column]);
            var deviation = rows.Length == 0 ? 0 : Math.Sqrt(rows.Average(row => (row[column] - mean) * (row[column] - mean)));
            foreach (var row in rows)
            {
                row[column] = deviation > 1e-12 ? (row[column] - mean) / deviation : 0;
            }
        }
        return rows;
    }
}
