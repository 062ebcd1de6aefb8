using Clientele.Retail.Shared;

namespace Clientele.Retail.Bundles;

/// <summary>A basket (<c>product_skus</c>) or one product (<c>product_sku</c>), how many to propose, the discount, which run's model.</summary>
public sealed record BundleRequest(int? ProductSku = null, int[]? ProductSkus = null, int? Limit = null, decimal? DiscountPercent = null, int? RunId = null)
{
    public const int MaxBasket = 100;
    public const int MaxLimit = 50;
    public const int DefaultLimit = 10;
    public const decimal MaxDiscountPercent = 90;

    public int[] Basket => [.. (ProductSkus ?? []).Concat(ProductSku is { } one ? [one] : []).Distinct()];

    public void Check(Checks checks)
    {
        if (Basket.Length == 0)
        {
            checks.Add("product_skus", "Give product_skus (a basket) or product_sku (one product)", "missing");
        }
        else if (Basket.Length > MaxBasket)
        {
            checks.Add("product_skus", $"List should have at most {MaxBasket} items after validation", "too_long");
        }
        if (Limit is < 1 or > MaxLimit)
        {
            checks.Add("limit", $"Input should be between 1 and {MaxLimit}");
        }
        if (DiscountPercent is < 0 or > MaxDiscountPercent)
        {
            checks.Add("discount_percent", $"Input should be between 0 and {MaxDiscountPercent}");
        }
    }
}
