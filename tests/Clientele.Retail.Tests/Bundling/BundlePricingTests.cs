using Clientele.Retail.Bundling;

namespace Clientele.Retail.Tests.Bundling;

public sealed class BundlePricingTests
{
    [Fact]
    public void Ten_percent_off_is_rounded_to_whole_tenge()
    {
        var price = BundlePricing.Suggest([1000m, 2499.5m], 10m);

        Assert.Equal(new BundlePrice(3499.5m, 10m, 3150m, 349.5m), price);
    }

    [Fact]
    public void Halves_round_away_from_zero()
    {
        Assert.Equal(5m, BundlePricing.Suggest([5m], 10m).Price);
        Assert.Equal(4m, BundlePricing.Suggest([4.4m], 0m).Price);
    }

    [Fact]
    public void Other_precisions_can_be_asked_for()
    {
        Assert.Equal(3149.55m, BundlePricing.Suggest([1000m, 2499.5m], 10m, decimals: 2).Price);
    }

    [Fact]
    public void No_discount_full_discount_and_no_products()
    {
        Assert.Equal(1200m, BundlePricing.Suggest([700m, 500m], 0m).Price);
        Assert.Equal(new BundlePrice(1200m, 100m, 0m, 1200m), BundlePricing.Suggest([700m, 500m], 100m));
        Assert.Equal(new BundlePrice(0m, 15m, 0m, 0m), BundlePricing.Suggest([], 15m));
    }

    [Fact]
    public void Discounts_outside_0_to_100_negative_prices_and_odd_precisions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BundlePricing.Suggest([100m], -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => BundlePricing.Suggest([100m], 100.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => BundlePricing.Suggest([100m, -5m], 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => BundlePricing.Suggest([100m], 10m, decimals: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BundlePricing.Suggest([100m], 10m, decimals: 5));
    }
}
