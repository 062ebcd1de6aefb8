namespace Clientele.Retail.Bundling;

/// <summary>A bundle's list total, the discount asked for, the price offered and the customer's saving.</summary>
public sealed record BundlePrice(decimal ListTotal, decimal DiscountPercent, decimal Price, decimal Saving);

public static class BundlePricing
{
    /// <summary>
    /// The sum of <paramref name="prices"/> less <paramref name="discountPercent"/> %, rounded to
    /// <paramref name="decimals"/> places (0: whole tenge), halves away from zero.
    /// </summary>
    public static BundlePrice Suggest(IEnumerable<decimal> prices, decimal discountPercent, int decimals = 0)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfLessThan(discountPercent, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(discountPercent, 100m);
        ArgumentOutOfRangeException.ThrowIfLessThan(decimals, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 4);
        var total = 0m;
        foreach (var price in prices)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(price, 0m, nameof(prices));
            total += price;
        }
        var offered = Math.Round(total * (100m - discountPercent) / 100m, decimals, MidpointRounding.AwayFromZero);
        return new BundlePrice(total, discountPercent, offered, total - offered);
    }
}
